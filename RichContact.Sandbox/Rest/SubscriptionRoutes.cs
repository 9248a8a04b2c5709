using System.Text.Json.Nodes;
using RichContact.Sandbox.Events;
using RichContact.Sandbox.State;

namespace RichContact.Sandbox.Rest;

/// <summary><c>/v1/plugins/subscription/{website_id}/{plugin_id}/settings</c>: the plugin's settings for one website.</summary>
internal static class SubscriptionRoutes
{
    public static void MapSubscriptionSettings(this RouteGroupBuilder v1)
    {
        var settings = v1.MapGroup("/plugins/subscription/{website_id}/{plugin_id}/settings")
            .AddEndpointFilter(WebsiteFilter.RequireSubscribed);
        settings.MapGet("", (string plugin_id, HttpContext context, SandboxState state) =>
            plugin_id != state.Options.PluginId ? Envelope.NotFound() : Envelope.Ok(Subscription(context.Website(), state.Options.PluginId)));
        settings.MapPut("", (string plugin_id, HttpContext context, SandboxState state, EventBus events) =>
            SaveAsync(plugin_id, context, state, events, (website, body) => website.ReplaceSettings(body)));
        settings.MapPatch("", (string plugin_id, HttpContext context, SandboxState state, EventBus events) =>
            SaveAsync(plugin_id, context, state, events, (website, body) => website.MergeSettings(body)));
    }

    private static async Task<IResult> SaveAsync(string pluginId, HttpContext context, SandboxState state, EventBus events,
        Func<WebsiteState, JsonObject, JsonObject> save)
    {
        if (pluginId != state.Options.PluginId)
            return Envelope.NotFound();
        if (await Envelope.ReadObjectAsync(context.Request) is not { } body)
            return Envelope.InvalidData();
        var website = context.Website();
        var saved = save(website, body);
        events.Publish(website.Id, CrispEvents.SettingsSaved, new JsonObject { ["plugin_id"] = pluginId, ["settings"] = saved });
        return Envelope.Ok(new JsonObject(), "updated");
    }

    private static JsonObject Subscription(WebsiteState website, string pluginId) => new()
    {
        ["plugin_id"] = pluginId,
        ["website_id"] = website.Id,
        ["token"] = website.Token,
        ["schema"] = new JsonObject(),
        ["settings"] = website.Settings,
        ["settings_form_url"] = null,
        ["callback_url"] = null,
    };
}
