using RichContact.Sandbox.State;

namespace RichContact.Sandbox.Rest;

/// <summary>Routes under a website answer <c>not_subscribed</c> unless that website installed the plugin.</summary>
internal static class WebsiteFilter
{
    private const string Key = "crisp.website";

    public static async ValueTask<object?> RequireSubscribed(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var state = context.RequestServices.GetRequiredService<SandboxState>();
        var websiteId = context.Request.RouteValues["website_id"] as string;
        var website = websiteId is null ? null : state.Website(websiteId);
        if (website is null)
            return Envelope.NotFound("not_subscribed");
        context.Items[Key] = website;
        return await next(invocation);
    }

    public static WebsiteState Website(this HttpContext context) => (WebsiteState)context.Items[Key]!;
}
