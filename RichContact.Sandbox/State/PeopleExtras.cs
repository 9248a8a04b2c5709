using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace RichContact.Sandbox.State;

/// <summary>
/// What Crisp keeps beside a people profile: whether it receives email campaigns, and the events on
/// its timeline. Apart from the profile itself, as Crisp serves them on routes of their own.
/// </summary>
internal sealed class PeopleExtras
{
    private readonly ConcurrentDictionary<string, bool> _emailSubscribed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<JsonObject>> _events = new(StringComparer.Ordinal);

    /// <summary>A profile receives emails until it is unsubscribed.</summary>
    public bool EmailSubscribed(string peopleId) => _emailSubscribed.GetValueOrDefault(peopleId, true);

    public void SetEmailSubscribed(string peopleId, bool subscribed) => _emailSubscribed[peopleId] = subscribed;

    public void AddEvent(string peopleId, JsonObject peopleEvent) =>
        _events.GetOrAdd(peopleId, _ => new()).Enqueue((JsonObject)peopleEvent.DeepClone());

    public List<JsonObject> Events(string peopleId) =>
        _events.TryGetValue(peopleId, out var events) ? events.Select(e => (JsonObject)e.DeepClone()).ToList() : [];
}
