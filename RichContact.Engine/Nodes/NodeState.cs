using Npgsql;
using RichContact.Engine.Storage;
using RichContact.Engine.Storage.Postgres;

namespace RichContact.Engine.Nodes;

/// <summary>
/// The small state a process keeps between runs — the admin password's hash, the RTM last-event mark,
/// what <c>plugin/connect</c> answered — by its file name in <see cref="DataDirectory"/>: that file with SQLite (as
/// always), a row of <see cref="NodeTables.State"/> with PostgreSQL, where every node reads and writes
/// the same. Failures come out as <see cref="IOException"/> either way (a file's own, or
/// <see cref="NodeStateUnavailableException"/>), so that callers handle one kind of failure.
/// </summary>
public sealed class NodeState(DataDirectory data, NodesDatabase database)
{
    public bool IsShared => database.IsShared;

    /// <summary>The data directory's files, as a single process with SQLite keeps them.</summary>
    public static NodeState InDataDirectory(DataDirectory data) =>
        new(data, NodesDatabase.None);

    /// <summary>Where an operator finds it: the file's path, or the table row.</summary>
    public string Where(string name) => IsShared ? $"the row '{name}' of PostgreSQL's {NodeTables.State} table" : data.PathOf(name);

    /// <summary>The text kept under <paramref name="name"/>, or null when there is none.</summary>
    public string? Read(string name)
    {
        if (!IsShared)
        {
            var path = data.PathOf(name);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        return Shared(() => database.Scalar<string>($"SELECT value FROM {NodeTables.State} WHERE name = $1", name));
    }

    /// <summary>Replaces it whole: a crash or a kill mid-write leaves the previous text, never half of it.</summary>
    public void Write(string name, string value)
    {
        if (!IsShared)
        {
            DataFile.AtomicWriteAllText(data.PathOf(name), value);
            return;
        }
        Shared(() => database.Execute(
            $"""
             INSERT INTO {NodeTables.State} (name, value, updated_at) VALUES ($1, $2, now())
             ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
             """, name, value));
    }

    /// <summary>
    /// Writes it only when nothing is kept under that name yet; true when this call wrote it. On
    /// PostgreSQL two nodes starting at once cannot both write it (one insert wins).
    /// </summary>
    public bool TryCreate(string name, string value)
    {
        if (!IsShared)
        {
            if (File.Exists(data.PathOf(name)))
                return false;
            Write(name, value);
            return true;
        }
        return Shared(() => database.Execute(
            $"INSERT INTO {NodeTables.State} (name, value, updated_at) VALUES ($1, $2, now()) ON CONFLICT (name) DO NOTHING", name, value)) == 1;
    }

    private static T Shared<T>(Func<T> query)
    {
        try
        {
            return query();
        }
        catch (Exception error) when (error is NpgsqlException or InvalidOperationException { InnerException: NpgsqlException })
        {
            throw new NodeStateUnavailableException(error);
        }
    }
}
