namespace RichContact.Sandbox;

/// <summary>Web Hooks deliveries so far (<c>GET /_sandbox/hooks</c>): answered, given up after the last attempt, still under way.</summary>
public sealed record SandboxHookCounts(long Delivered, long Failed, long Pending);
