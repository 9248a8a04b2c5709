using System.Diagnostics;
using Npgsql;
using RichContact.Testing;

namespace RichContact.Web.Tests.Reliability;

/// <summary>
/// A PostgreSQL cluster the test owns, in a temporary directory (as ./test.sh starts one): a test that
/// restarts PostgreSQL cannot do it to the server other tests share. Debian's postgresql package
/// (/usr/lib/postgresql/N/bin) is needed; without it the test fails, naming it. Run as root, the
/// cluster runs as the postgres user, as initdb requires.
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _directory;
    private readonly string _bin;
    private readonly int _port = FreePort.Next();

    private ThrowawayPostgres(string directory, string bin) => (_directory, _bin) = (directory, bin);

    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=richcontact";

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0).FirstOrDefault()
            : null;
        Assert.True(bin is not null, "PostgreSQL's server is not installed (/usr/lib/postgresql/N/bin/pg_ctl): ./test.sh installs Debian's postgresql package.");
        var directory = Directory.CreateTempSubdirectory("richcontact-pg-").FullName;
        var cluster = new ThrowawayPostgres(directory, bin!);
        if (Environment.UserName == "root")
            await RunAsync("chown", "postgres:", directory);
        await cluster.PgAsync("initdb", "-D", cluster.Data, "-U", "postgres", "-A", "trust", "--no-sync");
        await cluster.StartServerAsync();
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={cluster._port};Username=postgres;Database=postgres;Pooling=false");
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE DATABASE richcontact", connection);
        await create.ExecuteNonQueryAsync();
        return cluster;
    }

    private string Data => Path.Combine(_directory, "data");

    /// <summary>As an operator restarting PostgreSQL: every connection is ended, the server waits for none.</summary>
    public Task StopServerAsync() => PgAsync("pg_ctl", "-D", Data, "-w", "-m", "fast", "stop");

    public Task StartServerAsync() => PgAsync("pg_ctl", "-D", Data, "-w", "-l", Path.Combine(_directory, "log"), "-o",
        $"-c listen_addresses=127.0.0.1 -p {_port} -c unix_socket_directories={_directory} -c max_connections=200 -c fsync=off", "start");

    public async ValueTask DisposeAsync()
    {
        try { await PgAsync("pg_ctl", "-D", Data, "-w", "-m", "immediate", "stop"); }
        catch (Exception) { /* already stopped */ }
        Directory.Delete(_directory, recursive: true);
    }

    private Task PgAsync(string tool, params string[] arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
            : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
    }
}
