namespace RichContact.Sandbox;

public sealed record SandboxRequestCounts(long Total, IReadOnlyList<SandboxRouteCount> Routes)
{
    /// <summary>Calls of one route template, e.g. <c>Count("POST", "/v1/website/{website_id}/people/profile")</c>.</summary>
    public long Count(string method, string route) =>
        Routes.Where(r => r.Method == method && r.Route == route).Sum(r => r.Count);
}
