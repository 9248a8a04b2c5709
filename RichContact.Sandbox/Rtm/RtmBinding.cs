using System.Collections.Frozen;

namespace RichContact.Sandbox.Rtm;

/// <summary>What an authenticated socket receives: the events it listed, for the websites subscribed when it (re)bound.</summary>
internal sealed record RtmBinding(FrozenSet<string> Events, FrozenSet<string> Websites, IReadOnlyList<string>? Rooms, long BoundAtMs);
