using Npgsql;

namespace RichContact.Bench;

/// <summary>
/// The run's own PostgreSQL database (<c>--postgres</c>): created empty on the given server, so that
/// every run starts from the engine's migrations as a new installation would, and dropped afterwards
/// (its connections closed by force). The tests' <c>RichContact.Testing/PostgresDatabase</c> does the
/// same from their environment variable; the bench takes the server from its command line and does not
/// depend on the test support project.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private BenchDatabase(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>The engine's <c>RichContact:Storage:ConnectionString</c>: the server's, with this database.</summary>
    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string server, CancellationToken ct)
    {
        var database = new BenchDatabase(server, "rcbench_" + Guid.NewGuid().ToString("N")[..16]);
        await OnServerAsync(server, $"CREATE DATABASE \"{database._name}\"", ct);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await OnServerAsync(_server, $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // A leftover rcbench_ database is harmless; the run's figures are what matter.
        }
    }

    /// <summary>A command on the server's maintenance database (the name is ours, never input).</summary>
    private static async Task OnServerAsync(string server, string sql, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(server) { Pooling = false };
        if (string.IsNullOrEmpty(builder.Database))
            builder.Database = "postgres";
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
