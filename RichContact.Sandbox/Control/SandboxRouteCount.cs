namespace RichContact.Sandbox;

public sealed record SandboxRouteCount(string Method, string Route, long Count);
