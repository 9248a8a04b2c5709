using System.Net;
using RichContact.Engine.Crisp;
using RichContact.Engine.Settings;
using RichContact.Web.Tests.Browser;

namespace RichContact.Web.Tests.Security;

/// <summary>The Crisp settings page attacked without a browser: forged and replayed URLs, direct posts, oversized input.</summary>
public sealed class SettingsPageSecurityTests : AppOverHttp
{
    [Fact]
    public async Task Valid_url_replayed_with_another_website_id_is_refused()
    {
        var (first, second) = (App.Sandbox.Options.Websites[0], App.Sandbox.Options.Websites[1]);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(Url(first.Id, first.Token))).StatusCode);

        var replayed = await Http.GetAsync(Url(second.Id, first.Token));

        Assert.Equal(HttpStatusCode.Forbidden, replayed.StatusCode);
        Assert.DoesNotContain("settings-form", await replayed.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(5_000, 10)]
    [InlineData(10, 5_000)]
    public async Task Oversized_website_id_or_token_is_refused_without_an_error(int websiteIdLength, int tokenLength)
    {
        var response = await Http.GetAsync(Url(new string('w', websiteIdLength), new string('t', tokenLength)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Settings_posted_directly_to_the_page_change_nothing()
    {
        var website = App.Sandbox.Options.Websites[0];
        var before = await App.Get<WebsiteSettingsStore>().GetAsync(website.Id);

        // The form is interactive (saved over the Blazor circuit); a plain post has no handler and no antiforgery token.
        var response = await Http.PostAsync(Url(website.Id, website.Token), new FormUrlEncodedContent(
            [new("Enabled", "false"), new("Segments", new string('x', 100_000)), new("_handler", "settings")]));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.True((int)response.StatusCode < 500, $"answered {(int)response.StatusCode}");
        var after = await App.Get<WebsiteSettingsStore>().GetAsync(website.Id);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before), System.Text.Json.JsonSerializer.Serialize(after));
    }

    [Fact]
    public async Task Refusals_and_error_pages_never_show_the_plugin_key_or_a_token()
    {
        var website = App.Sandbox.Options.Websites[0];
        var bodies = new List<string>();
        foreach (var path in new[] { Url(website.Id, "wrong"), Url(website.Id, null), "/does-not-exist", "/Error" })
            bodies.Add(await (await Http.GetAsync(path)).Content.ReadAsStringAsync());

        Assert.All(bodies, body =>
        {
            Assert.DoesNotContain(App.Sandbox.Options.Key, body);
            Assert.DoesNotContain(website.Token, body);
            Assert.DoesNotContain(RichContactApp.AdminPassword, body);
        });
    }

    [Fact]
    public async Task Made_up_website_ids_cost_no_crisp_call_while_rtm_is_connected()
    {
        await WaitForRtmAsync();
        await App.Sandbox.Control.ResetRequestsAsync();

        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.Forbidden, (await Http.GetAsync(Url($"made-up-{i}", "token"))).StatusCode);

        var requests = await App.Sandbox.Control.RequestsAsync();
        Assert.Equal(0, requests.Routes.Where(r => r.Route.Contains("websites/all")).Sum(r => r.Count));
    }

    private async Task WaitForRtmAsync()
    {
        var status = App.Get<CrispConnectionStatus>();
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check() { if (status.State == CrispConnectionState.Connected) connected.TrySetResult(); }
        status.Changed += Check;
        try
        {
            Check();
            await connected.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            status.Changed -= Check;
        }
    }

    private static string Url(string websiteId, string? token) =>
        $"/crisp/settings?website_id={Uri.EscapeDataString(websiteId)}" + (token is null ? "" : $"&token={Uri.EscapeDataString(token)}");
}
