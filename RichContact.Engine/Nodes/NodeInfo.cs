namespace RichContact.Engine.Nodes;

/// <summary>A node alive now, as the portal lists it.</summary>
public sealed record NodeInfo(string Name, bool HoldsRtm, DateTimeOffset HeartbeatAt);
