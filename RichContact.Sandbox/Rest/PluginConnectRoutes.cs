using System.Text.Json.Nodes;
using RichContact.Sandbox.Rtm;
using RichContact.Sandbox.State;

namespace RichContact.Sandbox.Rest;

/// <summary><c>/v1/plugin/connect/*</c>: who the plugin is, which websites installed it, where its RTM socket is.</summary>
internal static class PluginConnectRoutes
{
    public const int WebsitesPerPage = 20;

    public static void MapPluginConnect(this RouteGroupBuilder v1)
    {
        var connect = v1.MapGroup("/plugin/connect");
        connect.MapGet("/account", (SandboxState state) => Envelope.Ok(new JsonObject { ["plugin_id"] = state.Options.PluginId }));
        connect.MapMethods("/session", [HttpMethods.Head], () => Results.Ok());
        connect.MapGet("/websites/all/{page:int}", (int page, string? filter_configured, SandboxState state) =>
        {
            if (page < 1)
                return Envelope.InvalidData();
            var websites = state.Websites().AsEnumerable();
            if (filter_configured is "0" or "1")
                websites = websites.Where(w => (w.Settings.Count > 0) == (filter_configured == "1"));
            var items = new JsonArray(websites.Skip((page - 1) * WebsitesPerPage).Take(WebsitesPerPage)
                .Select(w => (JsonNode)Website(w, state.Options.PluginId)).ToArray());
            return Envelope.Ok(items);
        });
        connect.MapGet("/websites/since", (string? date_since, SandboxState state) =>
        {
            if (!DateTimeOffset.TryParse(date_since, System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal, out var since))
                return Envelope.InvalidData();
            var sinceMs = since.ToUnixTimeMilliseconds();
            var added = state.Websites().Where(w => w.SubscribedAt >= sinceMs).Select(w =>
            {
                var item = Website(w, state.Options.PluginId);
                item["difference"] = "added";
                return (JsonNode)item;
            });
            var removed = state.Unsubscribed.Where(u => u.At >= sinceMs).Select(u => (JsonNode)new JsonObject
            {
                ["website_id"] = u.WebsiteId,
                ["plugin_id"] = state.Options.PluginId,
                ["difference"] = "removed",
            });
            return Envelope.Ok(new JsonArray(added.Concat(removed).ToArray()));
        });
        connect.MapGet("/endpoints", (HttpContext context, RtmRelays relays) =>
        {
            var app = relays.CurrentAddress(context.Request.Host.Host).ToString();
            return Envelope.Ok(new JsonObject
            {
                ["socket"] = new JsonObject { ["app"] = app },
                ["rescue"] = new JsonObject { ["socket"] = new JsonObject { ["app"] = app } },
            });
        });
    }

    private static JsonObject Website(WebsiteState website, string pluginId) => new()
    {
        ["website_id"] = website.Id,
        ["plugin_id"] = pluginId,
        ["name"] = website.Name,
        ["token"] = website.Token,
        ["settings"] = website.Settings,
        ["plan"] = "free",
    };
}
