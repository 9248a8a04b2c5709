namespace RichContact.Engine.Crisp.Rest;

/// <summary>
/// The innermost handler of the Crisp client, after the budget: counts each request that actually
/// leaves (first try or retry) under its route template. The template comes from the operation name
/// <see cref="CrispClient"/> puts on the request, never from its URL, which carries website,
/// session and people ids, and in a search the phone's digits or an email.
/// </summary>
internal sealed class CrispRequestCounting(CrispRequestCounter counter) : DelegatingHandler
{
    /// <summary>Set by the client on every request: its operation (<c>people.search</c>).</summary>
    public static readonly HttpRequestOptionsKey<string> Operation = new("richcontact.crisp.operation");

    /// <summary>The label for a request no operation names: nothing from the request itself.</summary>
    public const string UnknownRoute = "unknown";

    /// <summary>Crisp's routes as its API reference writes them, by the client's operation names.</summary>
    private static readonly Dictionary<string, string> RouteTemplates = new(StringComparer.Ordinal)
    {
        ["plugin.endpoints"] = "plugin/connect/endpoints",
        ["plugin.websites"] = "plugin/connect/websites/all/{page}",
        ["plugin.websites.since"] = "plugin/connect/websites/since",
        ["website.get"] = "website/{website_id}",
        ["conversation.meta"] = "website/{website_id}/conversation/{session_id}/meta",
        ["conversation.messages"] = "website/{website_id}/conversation/{session_id}/messages",
        ["conversations.list"] = "website/{website_id}/conversations/{page}",
        ["people.search"] = "website/{website_id}/people/profiles/{page}",
        ["people.get"] = "website/{website_id}/people/profile/{people_id}",
        ["people.update"] = "website/{website_id}/people/profile/{people_id}",
        ["people.create"] = "website/{website_id}/people/profile",
        ["people.subscription"] = "website/{website_id}/people/subscription/{people_id}",
        ["people.event"] = "website/{website_id}/people/events/{people_id}",
    };

    /// <summary>
    /// A route added to the client without a template here still counts, under its operation name:
    /// a constant in the code, never data.
    /// </summary>
    internal static string RouteOf(HttpRequestMessage request) =>
        !request.Options.TryGetValue(Operation, out var operation) ? UnknownRoute
        : RouteTemplates.GetValueOrDefault(operation, operation);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
            return response;
        }
        finally
        {
            counter.Count(RouteOf(request), request.Method, response?.StatusCode);
        }
    }
}
