#!/usr/bin/env bash
# Runs every test of Rich Contact. On a fresh Debian machine it first installs what the tests need
# (Chromium for the browser tests, Debian's postgresql for the PostgreSQL tests, the repository's
# dotnet tools). Then it starts a throwaway PostgreSQL cluster for the run: a temporary directory,
# 127.0.0.1 on a free port, trust authentication, durability off (its data dies with the run); the
# tests read its connection string from RICHCONTACT_TEST_POSTGRES, and each test class or test makes
# its own database in it. The cluster is stopped and deleted when the script exits, pass or fail.
# A RICHCONTACT_TEST_POSTGRES already set (a server of your own, whose user may CREATE DATABASE) is
# used instead and left alone. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Chromium from Debian's packages for the browser tests..."
    as_root apt-get update -qq &&
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null ||
        { echo "Could not install chromium: the browser tests need /usr/bin/chromium." >&2; exit 1; }
fi

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "${RICHCONTACT_TEST_POSTGRES:-}" ] && [ -z "$(pg_bin)" ]; then
    echo "Installing PostgreSQL from Debian's packages for the PostgreSQL tests..."
    as_root apt-get update -qq &&
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null ||
        { echo "Could not install postgresql: the PostgreSQL tests need initdb and pg_ctl." >&2; exit 1; }
fi

if [ -z "${RICHCONTACT_TEST_POSTGRES:-}" ]; then
    bin=$(pg_bin)
    pg_dir=$(mktemp -d /tmp/richcontact-pg.XXXXXX)
    # initdb refuses to run as root: as root the cluster belongs to Debian's postgres user.
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$pg_dir"; as_pg() { runuser -u postgres -- "$@"; }; else as_pg() { "$@"; }; fi
    stop_postgres() {
        as_pg "$bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1
        rm -rf "$pg_dir"
    }
    trap stop_postgres EXIT
    trap "exit 130" INT
    trap "exit 143" TERM
    as_pg "$bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --no-sync >"$pg_dir/initdb.log" 2>&1 ||
        { echo "initdb failed:" >&2; cat "$pg_dir/initdb.log" >&2; exit 1; }
    started=
    for _ in 1 2 3 4 5; do
        port=$((20000 + RANDOM % 20000))
        (: </dev/tcp/127.0.0.1/$port) 2>/dev/null && continue # taken
        # Durability off: a throwaway cluster, and the tests create and drop many databases.
        if as_pg "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 start -o \
            "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$pg_dir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
            started=1
            break
        fi
    done
    [ -n "$started" ] || { echo "Could not start the test PostgreSQL cluster:" >&2; tail -n 20 "$pg_dir/server.log" >&2; exit 1; }
    export RICHCONTACT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    echo "Test PostgreSQL cluster on 127.0.0.1:$port ($pg_dir)."
fi

# Playwright drives the system Chromium; it must never fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet tool restore >/dev/null || { echo "dotnet tool restore failed." >&2; exit 1; }

results=test-output/results
rm -rf "$results"
# A test that hangs is a bug to find, not a run to wait out: a test still running after 5 minutes
# (the longest take about a minute) is named by the blame collector, which ends that run (no memory dump).
dotnet test RichContact.sln --logger "trx" --results-directory "$results" \
    --blame-hang-timeout 5m --blame-hang-dump-type none "$@"
status=$?

# Neither test runner prints a summary across projects, so add up the TRX counters.
count() { cat "$results"/*.trx 2>/dev/null | grep -o "<Counters [^>]*" | grep -o " $1=\"[0-9]*\"" | tr -dc '0-9\n' | awk '{ n += $1 } END { print n + 0 }'; }
passed=$(count passed); failed=$(count failed); skipped=$(count notExecuted)
failed=$((failed + $(count error)))
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, ${skipped} skipped"
echo "$line"
exit $status
