using System.Collections.Concurrent;

namespace RichContact.Engine.Contacts;

/// <summary>
/// When this process last heard an event of each website: the outage catch-up lists the websites with
/// recent traffic first (<see cref="CatchUpPlan"/>). In memory and per node — the catch-up runs on the
/// node that listens, which is the one that heard them; a restart starts with none heard.
/// Website ids and times only.
/// </summary>
public sealed class WebsiteTraffic(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastHeard = new(StringComparer.Ordinal);

    public void Heard(string websiteId) => _lastHeard[websiteId] = clock.GetUtcNow();

    public DateTimeOffset? LastHeard(string websiteId) => _lastHeard.TryGetValue(websiteId, out var at) ? at : null;
}
