namespace RichContact.Engine.Nodes;

/// <summary>
/// The one home of the websites where Crisp refuses new people profiles (<see cref="WebsiteLimit"/>):
/// every node stops creating there at once, and only one create an hour is tried per website across
/// the cluster (<see cref="TryTakeAttemptAsync"/> lets exactly one caller through).
/// </summary>
public interface IWebsiteLimits
{
    /// <summary>The website's limit, or null when Crisp has not refused a create there (or accepted one since).</summary>
    Task<WebsiteLimit?> GetAsync(string websiteId, CancellationToken ct);

    /// <summary>Every limited website.</summary>
    Task<IReadOnlyList<WebsiteLimit>> AllAsync(CancellationToken ct);

    /// <summary>Records a refusal: the website stays limited (since its first refusal) and is tried again at <paramref name="nextAttemptAt"/>.</summary>
    Task SetAsync(string websiteId, string reason, DateTimeOffset at, DateTimeOffset nextAttemptAt, CancellationToken ct);

    /// <summary>
    /// Takes the website's attempt when it is due (its next attempt at or before <paramref name="now"/>) and
    /// moves the next one to <paramref name="next"/>: true for one caller, whichever node it runs on.
    /// </summary>
    Task<bool> TryTakeAttemptAsync(string websiteId, DateTimeOffset now, DateTimeOffset next, CancellationToken ct);

    /// <summary>Moves a limited website's next attempt to <paramref name="at"/> (the owner saved the settings; an attempt that made no create).</summary>
    Task SetNextAttemptAsync(string websiteId, DateTimeOffset at, CancellationToken ct);

    /// <summary>Crisp accepted a create: the website is no longer limited.</summary>
    Task LiftAsync(string websiteId, CancellationToken ct);
}
