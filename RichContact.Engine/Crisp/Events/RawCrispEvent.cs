using System.Text.Json;

namespace RichContact.Engine.Crisp.Events;

/// <summary>An RTM event as it came off the socket: its name and first argument, unparsed.</summary>
public readonly record struct RawCrispEvent(string Name, JsonElement Payload)
{
    /// <summary>
    /// Until this event is handled, the last-event mark may not pass this time: when it was received,
    /// or, for a conversation found by a catch-up, the start of the stretch that catch-up covered.
    /// </summary>
    public DateTimeOffset HoldsMarkAt { get; init; }

    /// <summary>
    /// The RTM term (<see cref="Nodes.IRtmLeadership"/>) under which the socket heard it: handled only while
    /// this node still holds that term. 0 when no term is involved (a Web Hooks delivery, a catch-up's listing).
    /// </summary>
    public long Term { get; init; }
}
