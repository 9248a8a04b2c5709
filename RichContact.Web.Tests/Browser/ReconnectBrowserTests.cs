using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using RichContact.Engine.Settings;
using RichContact.Testing;
using static Microsoft.Playwright.Assertions;

namespace RichContact.Web.Tests.Browser;

/// <summary>
/// The connection between a page and the server drops (Wi-Fi gone, a proxy restarted) and comes
/// back: meanwhile the page says so in its language and takes no click, and what was typed is still
/// there to save afterwards.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReconnectBrowserTests(BrowserFixture fixture)
{
    private RichContactApp App => fixture.App;

    [Fact]
    public async Task While_the_connection_is_down_crisps_settings_page_says_so_in_french_and_takes_no_click_and_what_was_typed_is_saved_after()
    {
        var website = await App.InstallAsync("Ligacao Perdida", "ligacao-perdida.example.pt");
        var page = await fixture.NewPageAsync(900, 1000);
        // Every circuit's WebSocket goes through here, so that the test can cut the one in use.
        IWebSocketRoute? socket = null;
        await page.Context.RouteWebSocketAsync(new Regex("/_blazor"), ws =>
        {
            ws.ConnectToServer();
            socket = ws;
        });
        await BrowserFixture.RunAsync(page, nameof(While_the_connection_is_down_crisps_settings_page_says_so_in_french_and_takes_no_click_and_what_was_typed_is_saved_after), async () =>
        {
            await page.GotoAsync(fixture.Dashboard.PageFor(new Uri(App.BaseUrl, $"crisp/settings?website_id={website.WebsiteId}&token={website.Token}&locale=fr")));
            var frame = page.FrameLocator("#crisp-plugin");
            await frame.GetByTestId("geolocation").ClickAsync();
            await frame.GetByTestId("new-segment").FillAsync("vip");
            await frame.GetByTestId("add-segment").ClickAsync();
            // The add empties the field when the server answers: type the next one after that, as a person would.
            await Expect(frame.GetByTestId("segment")).ToHaveTextAsync("vip");
            await Expect(frame.GetByTestId("new-segment")).ToHaveValueAsync("");
            await frame.GetByTestId("new-segment").FillAsync("lisboa");
            await frame.GetByTestId("pick-channels").ClickAsync();
            // The channel list comes back from the server after the switch and the typing (one
            // connection, in order): the server has all of it, not just the page.
            await Expect(frame.GetByTestId("channel-list")).ToBeVisibleAsync();
            await Expect(frame.GetByTestId("new-segment")).ToHaveValueAsync("lisboa");
            Assert.NotNull(socket);

            // The network goes: new connections fail, and the circuit's socket closes.
            await page.Context.SetOfflineAsync(true);
            await socket!.CloseAsync(new() { Code = 4000, Reason = "network gone" });
            var modal = frame.GetByTestId("reconnect-modal");
            await Expect(modal).ToBeVisibleAsync();
            await Expect(frame.GetByTestId("reconnecting")).ToContainTextAsync("Connexion à Rich Contact perdue");
            await Expect(frame.GetByTestId("save")).ToBeDisabledAsync();
            await Expect(frame.GetByTestId("enabled")).ToBeDisabledAsync();
            await Expect(frame.GetByTestId("new-segment")).ToBeDisabledAsync();

            // It comes back: the same circuit, the form as it was left.
            await page.Context.SetOfflineAsync(false);
            await Expect(modal).ToBeHiddenAsync(new() { Timeout = 30_000 });
            await Expect(frame.GetByTestId("save")).ToBeEnabledAsync();
            await Expect(frame.GetByTestId("geolocation")).ToBeCheckedAsync();
            await Expect(frame.GetByTestId("segment")).ToHaveTextAsync("vip");
            await Expect(frame.GetByTestId("channel-list")).ToBeVisibleAsync();
            await Expect(frame.GetByTestId("new-segment")).ToHaveValueAsync("lisboa");
            await frame.GetByTestId("add-segment").ClickAsync();
            await Expect(frame.GetByTestId("segment")).ToHaveTextAsync(["vip", "lisboa"]);
            await frame.GetByTestId("save").ClickAsync();
            await Expect(frame.GetByTestId("save-status")).ToHaveTextAsync("Enregistré. Le changement s'applique immédiatement.");

            var saved = await App.Get<WebsiteSettingsStore>().GetAsync(website.WebsiteId);
            Assert.True(saved.EnrichGeolocation);
            Assert.False(saved.AllChannels);
            Assert.Equal(["vip", "lisboa"], saved.Segments);
        });
    }

    [Fact]
    public async Task A_website_page_whose_circuit_is_lost_for_good_comes_back_with_what_was_typed_in_its_settings_form()
    {
        // The server forgets a page the moment its connection drops, as a restart would. (The shared
        // app, changed for this test only: a second app in this process would share Hangfire's static
        // configuration and break the first when disposed.) The admin portal's page: in Crisp's
        // cross-site iframe this Chromium refuses the frame any storage, as browsers that block
        // third-party storage do, and the form keeps no draft there.
        var circuits = App.Get<IOptions<CircuitOptions>>().Value;
        var retention = circuits.DisconnectedCircuitRetentionPeriod;
        circuits.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMilliseconds(1);
        try
        {
            var website = await App.InstallAsync("Reinicio", "reinicio.example.pt");
            var websiteId = website.WebsiteId;
            var draftKey = "richcontact-settings-draft:" + websiteId;
            var page = await fixture.NewPageAsync(900, 1000);
            IWebSocketRoute? socket = null;
            await page.Context.RouteWebSocketAsync(new Regex("/_blazor"), ws =>
            {
                ws.ConnectToServer();
                socket = ws;
            });
            await BrowserFixture.RunAsync(page, nameof(A_website_page_whose_circuit_is_lost_for_good_comes_back_with_what_was_typed_in_its_settings_form), async () =>
            {
                await page.GotoAsync(new Uri(App.BaseUrl, $"websites/{websiteId}").ToString());
                await page.GetByTestId("password").FillAsync(RichContactApp.AdminPassword);
                await page.GetByTestId("login").ClickAsync();
                var frame = page.MainFrame;
                await frame.GetByTestId("geolocation").ClickAsync();
                await frame.GetByTestId("new-segment").FillAsync("vip");
                await frame.GetByTestId("add-segment").ClickAsync();
                // The add empties the field when the server answers: type the next one after that, as a person would.
                await Expect(frame.GetByTestId("segment")).ToHaveTextAsync("vip");
                await Expect(frame.GetByTestId("new-segment")).ToHaveValueAsync("");
                await frame.GetByTestId("new-segment").FillAsync("lisboa");
                await frame.GetByTestId("pick-channels").ClickAsync();
                await Expect(frame.GetByTestId("channel-list")).ToBeVisibleAsync();
                // The typed segment reaches the server when the field loses the focus, just before the click: the
                // draft is written after each of the two renders, so wait for the one that holds both.
                await Eventually.TrueAsync(async () => (await page.EvaluateAsync<string?>("key => sessionStorage.getItem(key)", draftKey)) is { } draft
                        && draft.Contains("lisboa", StringComparison.Ordinal) && draft.Contains("\"AllChannels\":false", StringComparison.Ordinal),
                    "the form's draft, with the typed segment and the channel choice, in the tab's storage");
                Assert.False((await App.Get<WebsiteSettingsStore>().GetAsync(websiteId)).EnrichGeolocation);

                // The connection drops and the server forgets the page meanwhile: the page starts again.
                await page.Context.SetOfflineAsync(true);
                await socket!.CloseAsync(new() { Code = 4000, Reason = "network gone" });
                await Expect(frame.GetByTestId("reconnect-modal")).ToBeVisibleAsync();
                await page.Context.SetOfflineAsync(false);

                await Expect(frame.GetByTestId("draft-restored")).ToBeVisibleAsync(new() { Timeout = 30_000 });
                await Expect(frame.GetByTestId("reconnect-modal")).ToBeHiddenAsync();
                await Expect(frame.GetByTestId("geolocation")).ToBeCheckedAsync();
                await Expect(frame.GetByTestId("segment")).ToHaveTextAsync("vip");
                await Expect(frame.GetByTestId("channel-list")).ToBeVisibleAsync();
                await Expect(frame.GetByTestId("new-segment")).ToHaveValueAsync("lisboa");
                await frame.GetByTestId("add-segment").ClickAsync();
                await frame.GetByTestId("save").ClickAsync();
                await Expect(frame.GetByTestId("save-status")).ToHaveTextAsync("Saved. The change applies at once.");
                await Expect(frame.GetByTestId("draft-restored")).ToHaveCountAsync(0);

                var saved = await App.Get<WebsiteSettingsStore>().GetAsync(websiteId);
                Assert.True(saved.EnrichGeolocation);
                Assert.False(saved.AllChannels);
                Assert.Equal(["vip", "lisboa"], saved.Segments);
                await Eventually.TrueAsync(async () => await page.EvaluateAsync<string?>("key => sessionStorage.getItem(key)", draftKey) is null,
                    "the draft dropped once saved");
            });
        }
        finally
        {
            circuits.DisconnectedCircuitRetentionPeriod = retention;
        }
    }
}
