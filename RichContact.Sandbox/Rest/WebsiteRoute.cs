using System.Text.Json.Nodes;
using RichContact.Sandbox.State;

namespace RichContact.Sandbox.Rest;

/// <summary><c>GET /v1/website/{website_id}</c>: the website itself (its name and domain).</summary>
internal static class WebsiteRoute
{
    public static void MapWebsite(this RouteGroupBuilder website)
    {
        website.MapGet("", (HttpContext context, SandboxState state) =>
        {
            // The switch plays a Crisp that keeps this route to the user tier: the portal must then
            // fall back to ids.
            if (state.WebsiteRouteRefused)
                return Envelope.Error(StatusCodes.Status403Forbidden, "restricted_route_tier");
            var found = context.Website();
            return Envelope.Ok(new JsonObject
            {
                ["website_id"] = found.Id,
                ["name"] = found.Name,
                ["domain"] = found.Domain,
                ["logo"] = null,
            });
        });
    }
}
