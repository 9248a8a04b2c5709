namespace RichContact.Engine.Nodes;

/// <summary>
/// Tells every node that a piece of shared state changed, so that a copy a node keeps for speed is
/// dropped (a website's settings, the admin password, the website list). One process: the change is
/// heard at once, and a copy is good for as long as the process runs. Several nodes on PostgreSQL
/// (<see cref="PostgresStateChanges"/>): a NOTIFY that every node hears within a second, and a copy is
/// good for <see cref="CopyLifetime"/> at most, in case a notification was missed.
/// </summary>
public interface IStateChanges
{
    /// <summary>How long a node may use a copy without reading the shared state again.</summary>
    TimeSpan CopyLifetime { get; }

    /// <summary>
    /// Tells every node, this one included, that <paramref name="key"/> of <paramref name="topic"/>
    /// changed. Ids only: the text travels through the database. Never throws: a change not announced
    /// reaches the other nodes when their copies expire.
    /// </summary>
    Task AnnounceAsync(string topic, string key, CancellationToken ct = default);

    /// <summary>
    /// <paramref name="changed"/> is called with the key that changed, or with null when anything of
    /// the topic may have changed (notifications were missed: the connection broke). Dispose to stop.
    /// </summary>
    IDisposable Subscribe(string topic, Action<string?> changed);
}
