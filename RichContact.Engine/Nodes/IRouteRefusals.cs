namespace RichContact.Engine.Nodes;

/// <summary>
/// The one home of the Crisp routes refused on a website for a while (the new contact's follow-ups,
/// <c>Contacts/Job/NewContactFollowUps.cs</c>): what one node learns, no node asks again until then, so
/// that a refusal costs one call a day for the cluster, not one per node.
/// </summary>
public interface IRouteRefusals
{
    /// <summary>Until when <paramref name="route"/> is left alone on the website; null when it was never refused (or its pause was cleared).</summary>
    Task<DateTimeOffset?> PausedUntilAsync(string websiteId, string route, CancellationToken ct);

    Task PauseAsync(string websiteId, string route, DateTimeOffset until, CancellationToken ct);

    /// <summary>The route answered again: forgotten.</summary>
    Task ClearAsync(string websiteId, string route, CancellationToken ct);
}
