namespace RichContact.Sandbox.Rest;

/// <summary>Endpoint metadata: a route of Crisp's REST API, and whether the plugin tier may call it.</summary>
internal sealed record CrispRoute(bool OpenToPlugins = true);
