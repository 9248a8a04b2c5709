using Npgsql;

namespace RichContact.Testing;

/// <summary>
/// A fresh database on the test PostgreSQL server, dropped afterwards. The server is the one
/// <c>RICHCONTACT_TEST_POSTGRES</c> names (a connection string whose user may CREATE DATABASE);
/// ./test.sh starts a throwaway cluster and sets it. Without it the tests fail, never skip: a
/// PostgreSQL test that silently did not run would pass CI with the provider untested.
/// As a class fixture (<c>IClassFixture&lt;PostgresDatabase&gt;</c>): one database per test class;
/// <see cref="CreateAsync"/>: one per test, for tests that need an empty one each.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime, IAsyncDisposable
{
    public const string Variable = "RICHCONTACT_TEST_POSTGRES";

    /// <summary>The database's name: rc_ and 16 random hex digits.</summary>
    public string Name { get; } = "rc_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>The connection string of this database (the server's, with Database set).</summary>
    public string ConnectionString { get; private set; } = null!;

    public static string Server =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                $"{Variable} is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL cluster for them, " +
                $"or start a PostgreSQL server yourself and set {Variable} to a connection string whose user may CREATE DATABASE " +
                "(e.g. Host=127.0.0.1;Port=5432;Username=postgres).");

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        return database;
    }

    public async Task InitializeAsync()
    {
        await AdminAsync($"CREATE DATABASE \"{Name}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = Name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (ConnectionString is null)
            return;
        await using (var connection = new NpgsqlConnection(ConnectionString))
            NpgsqlConnection.ClearPool(connection);
        await AdminAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    /// <summary>The engine's settings for this database.</summary>
    public IDictionary<string, string?> EngineSettings => new Dictionary<string, string?>
    {
        ["RichContact:Storage:Provider"] = "postgres",
        ["RichContact:Storage:ConnectionString"] = ConnectionString,
    };

    /// <summary>
    /// The database refuses new connections and its open ones are closed, as when PostgreSQL restarts
    /// or a failover is under way; the rest of the cluster (and the other tests' databases) keeps working.
    /// </summary>
    public async Task RefuseConnectionsAsync()
    {
        await AdminAsync($"ALTER DATABASE \"{Name}\" ALLOW_CONNECTIONS false");
        await AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Name}' AND pid <> pg_backend_pid()");
    }

    public Task AllowConnectionsAsync() => AdminAsync($"ALTER DATABASE \"{Name}\" ALLOW_CONNECTIONS true");

    /// <summary>A command on the server's own database (Name is ours, never input).</summary>
    public static async Task AdminAsync(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(Server) { Pooling = false };
        if (string.IsNullOrEmpty(admin.Database))
            admin.Database = "postgres";
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
