#!/usr/bin/env bash
# Runs every test of Rich Contact. On a fresh Debian machine it first installs what the tests need
# (Chromium for the browser tests, the repository's dotnet tools). Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Chromium from Debian's packages for the browser tests..."
    as_root apt-get update -qq &&
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null ||
        { echo "Could not install chromium: the browser tests need /usr/bin/chromium." >&2; exit 1; }
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
