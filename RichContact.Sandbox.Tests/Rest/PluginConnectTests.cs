using System.Text.Json.Nodes;

namespace RichContact.Sandbox.Tests.Rest;

public sealed class PluginConnectTests : SandboxTestBase
{
    [Fact]
    public async Task Account_gives_the_seeded_plugin_id()
    {
        var (status, envelope) = await GetAsync("plugin/connect/account");
        Assert.Equal(200, status);
        Assert.False(envelope["error"]!.GetValue<bool>());
        Assert.Equal(SandboxOptions.DefaultPluginId, envelope["data"]!["plugin_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Session_head_answers_200_without_a_body()
    {
        using var response = await Rest.SendAsync(new HttpRequestMessage(HttpMethod.Head, "plugin/connect/session"));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Websites_are_listed_with_their_tokens_page_by_page_until_an_empty_page()
    {
        for (var i = 0; i < 20; i++)
            await Sandbox.Control.SubscribeWebsiteAsync();

        var listed = new List<JsonObject>();
        for (var page = 1; ; page++)
        {
            var (_, envelope) = await GetAsync($"plugin/connect/websites/all/{page}");
            var items = envelope["data"]!.AsArray();
            if (items.Count == 0)
                break;
            listed.AddRange(items.Select(i => i!.AsObject()));
        }

        Assert.Equal(23, listed.Count);
        var demo = listed.Single(w => w["website_id"]!.GetValue<string>() == WebsiteId);
        Assert.Equal(Sandbox.Options.Websites[0].Token, demo["token"]!.GetValue<string>());
        Assert.NotNull(demo["settings"]);
    }

    [Fact]
    public async Task Websites_can_be_filtered_on_whether_they_are_configured()
    {
        await SendAsync(HttpMethod.Put, $"plugins/subscription/{WebsiteId}/{SandboxOptions.DefaultPluginId}/settings", new JsonObject { ["enabled"] = true });

        var (_, configured) = await GetAsync("plugin/connect/websites/all/1?filter_configured=1");
        var (_, unconfigured) = await GetAsync("plugin/connect/websites/all/1?filter_configured=0");

        Assert.Equal([WebsiteId], configured["data"]!.AsArray().Select(w => w!["website_id"]!.GetValue<string>()));
        Assert.Equal(2, unconfigured["data"]!.AsArray().Count);
    }

    [Fact]
    public async Task Endpoints_advertise_the_sandboxs_own_rtm_address()
    {
        var (_, envelope) = await GetAsync("plugin/connect/endpoints");
        var expected = $"ws://127.0.0.1:{Sandbox.Url.Port}/p/1/";
        Assert.Equal(expected, envelope["data"]!["socket"]!["app"]!.GetValue<string>());
        Assert.Equal(expected, envelope["data"]!["rescue"]!["socket"]!["app"]!.GetValue<string>());
    }

    [Fact]
    public async Task Subscription_settings_are_read_replaced_and_merged()
    {
        var route = $"plugins/subscription/{WebsiteId}/{SandboxOptions.DefaultPluginId}/settings";

        var (putStatus, _) = await SendAsync(HttpMethod.Put, route, new JsonObject { ["enabled"] = true, ["channels"] = new JsonArray("whatsapp") });
        var (patchStatus, _) = await SendAsync(HttpMethod.Patch, route, new JsonObject { ["window_seconds"] = 30 });
        var (_, envelope) = await GetAsync(route);

        Assert.Equal(200, putStatus);
        Assert.Equal(200, patchStatus);
        var data = envelope["data"]!;
        Assert.Equal(SandboxOptions.DefaultPluginId, data["plugin_id"]!.GetValue<string>());
        Assert.Equal(WebsiteId, data["website_id"]!.GetValue<string>());
        Assert.Equal(Sandbox.Options.Websites[0].Token, data["token"]!.GetValue<string>());
        Assert.True(data["settings"]!["enabled"]!.GetValue<bool>());
        Assert.Equal("whatsapp", data["settings"]!["channels"]![0]!.GetValue<string>());
        Assert.Equal(30, data["settings"]!["window_seconds"]!.GetValue<int>());
    }

    [Fact]
    public async Task Settings_of_another_plugin_are_not_found()
    {
        AssertCrispError(await GetAsync($"plugins/subscription/{WebsiteId}/{Guid.NewGuid()}/settings"), 404, "not_found");
    }

    [Fact]
    public async Task Settings_that_are_not_a_json_object_are_invalid_data()
    {
        AssertCrispError(await SendAsync(HttpMethod.Put, $"plugins/subscription/{WebsiteId}/{SandboxOptions.DefaultPluginId}/settings", new JsonArray(1)), 400, "invalid_data");
    }

    [Fact]
    public async Task Websites_since_a_date_lists_the_installs_and_removals_after_it()
    {
        // A millisecond boundary between the demo websites' install and the new ones, so "since" splits them.
        var sinceDate = DateTimeOffset.UtcNow.AddMilliseconds(1);
        SpinWait.SpinUntil(() => DateTimeOffset.UtcNow >= sinceDate.AddMilliseconds(1));
        var since = Uri.EscapeDataString(sinceDate.ToString("O"));
        var added = await Sandbox.Control.SubscribeWebsiteAsync();
        var removed = await Sandbox.Control.SubscribeWebsiteAsync();
        await Sandbox.Control.UnsubscribeWebsiteAsync(removed.WebsiteId);

        var (status, envelope) = await GetAsync($"plugin/connect/websites/since?date_since={since}");

        Assert.Equal(200, status);
        var items = envelope["data"]!.AsArray().Select(w => (w!["website_id"]!.GetValue<string>(), w["difference"]!.GetValue<string>())).ToList();
        Assert.Contains((added.WebsiteId, "added"), items);
        Assert.Contains((removed.WebsiteId, "removed"), items);
        Assert.DoesNotContain(items, i => i.Item1 == WebsiteId);
    }
}
