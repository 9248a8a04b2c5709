namespace RichContact.Engine.Crisp.Rest;

/// <summary>Where the RTM socket lives (<c>GET plugin/connect/endpoints</c>).</summary>
public sealed record RtmEndpoint(Uri Socket);
