using Microsoft.Extensions.Options;
using Npgsql;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Nodes;

/// <summary>
/// Nodes/'s way into PostgreSQL (<c>RichContact:Storage:Provider = postgres</c>): one Npgsql data source
/// on the configured connection string, its connections named after the node (<c>application_name</c>,
/// so that an operator sees in <c>pg_stat_activity</c> which node holds what). Built on first use: with
/// SQLite nothing here ever connects. The small state of <see cref="Storage.Postgres.NodeTables"/> is read and written
/// with plain SQL through it.
/// </summary>
public sealed class NodesDatabase(IOptions<StorageOptions> storage, NodeIdentity node) : IDisposable
{
    private readonly Lazy<NpgsqlDataSource> _source = new(() => NpgsqlDataSource.Create(ConnectionStringFor(storage.Value, node, null)));

    /// <summary>True when the nodes share PostgreSQL; false with SQLite (one process, its data directory).</summary>
    public bool IsShared { get; } = storage.Value.IsPostgres;

    public NpgsqlDataSource Source => _source.Value;

    /// <summary>No PostgreSQL: a single process on its data directory.</summary>
    public static NodesDatabase None => new(Options.Create(new StorageOptions()), new NodeIdentity(Options.Create(new NodeOptions())));

    /// <summary>
    /// The configured connection string, named after the node and, for a pool of its own, a purpose:
    /// Npgsql pools by connection string, so a purpose keeps, say, the RTM leader's lock apart from the
    /// contact jobs' connections.
    /// </summary>
    public string ConnectionString(string? purpose = null) => ConnectionStringFor(storage.Value, node, purpose);

    private static string ConnectionStringFor(StorageOptions storage, NodeIdentity node, string? purpose)
    {
        var builder = new NpgsqlConnectionStringBuilder(storage.ConnectionString);
        var name = purpose is null ? $"richcontact {node.Name}" : $"richcontact {purpose} {node.Name}";
        builder.ApplicationName = name.Length <= NodeIdentity.MaxLength ? name : name[..NodeIdentity.MaxLength];
        return builder.ConnectionString;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken ct, params object?[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<T?> ScalarAsync<T>(string sql, CancellationToken ct, params object?[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteScalarAsync(ct) is T value ? value : default;
    }

    /// <summary>For callers that are synchronous today (a file read): a short query on a pooled connection.</summary>
    public T? Scalar<T>(string sql, params object?[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar() is T value ? value : default;
    }

    public int Execute(string sql, params object?[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Positional parameters: <c>$1</c>, <c>$2</c>…, never text pasted into SQL.</summary>
    private NpgsqlCommand Command(string sql, object?[] parameters)
    {
        var command = Source.CreateCommand(sql);
        foreach (var value in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }

    public void Dispose()
    {
        if (_source.IsValueCreated)
            _source.Value.Dispose();
    }
}
