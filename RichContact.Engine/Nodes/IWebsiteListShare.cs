namespace RichContact.Engine.Nodes;

/// <summary>
/// The websites that installed the plugin, as every node shares them, and the one refresh of that list
/// a miss may cost. One process (<see cref="ProcessWebsiteList"/>): the list is the process's own, kept in
/// memory, and a refresh on a miss is allowed once per interval in the process. Several nodes on
/// PostgreSQL (<see cref="PostgresWebsiteList"/>): rows every node reads, changed by whichever node heard
/// the change from Crisp and announced to the others (<see cref="IStateChanges"/>), and one refresh per
/// interval for the whole cluster. Settings tokens are kept as their SHA-256 only: a token is a random
/// secret, and the settings page needs only to check one.
/// </summary>
public interface IWebsiteListShare
{
    /// <summary>The <see cref="IStateChanges"/> topic: the key is a website id, or <see cref="AllWebsites"/>.</summary>
    public const string ChangeTopic = "websites";

    public const string AllWebsites = "*";

    /// <summary>
    /// The shared list, by website id, with each token's hash (empty when not known); null when there is
    /// none to read: one process, or no node listed the websites yet.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>?> ReadAsync(CancellationToken ct);

    /// <summary>
    /// Saves what this node heard from Crisp and tells the other nodes: with <paramref name="all"/> the
    /// list is exactly <paramref name="changes"/>' websites; else each website is added or, with a null hash, removed.
    /// </summary>
    Task SaveAsync(IReadOnlyDictionary<string, string?> changes, bool all, CancellationToken ct);

    /// <summary>
    /// Claims the one refresh on a miss allowed per <paramref name="interval"/>, atomically across the
    /// nodes: null when it was claimed within the interval (no refresh); else when the previous refresh
    /// was claimed, <see cref="DateTimeOffset.MinValue"/> when there was none.
    /// </summary>
    Task<DateTimeOffset?> TryClaimRefreshAsync(TimeSpan interval, CancellationToken ct);
}
