using System.Diagnostics.Metrics;
using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp;
using RichContact.Engine.Tests.Crisp.Rtm;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Contacts.Events;

/// <summary>
/// Hundreds of websites on one plugin: a short RTM drop lists the websites its gap can hold, the most
/// recently heard first, none switched off, and says what it left out; a conversation it did not list
/// gets its contact when the visitor writes again (docs/catch-up.md).
/// </summary>
public class CatchUpPlanTests : EngineEndToEndTest
{
    private const string ListRoute = "/v1/website/{website_id}/conversations/{page}";
    private const int WebsiteCount = 300;
    private const int PerGapSecond = 5; // a gap would have to last a minute to list them all, even on a loaded machine

    protected override SandboxOptions? SandboxSettings => new()
    {
        Websites = Enumerable.Range(1, WebsiteCount).Select(i => new SandboxWebsite { Id = $"website-{i:D3}", Token = $"token-{i:D3}", Name = $"Shop {i}" }).ToList(),
    };

    protected override IDictionary<string, string?> EngineSettings => new Dictionary<string, string?>
    {
        ["RichContact:CatchUp:WebsitesPerGapSecond"] = PerGapSecond.ToString(),
    };

    [Fact]
    public async Task Short_drop_lists_recently_heard_websites_first_skips_switched_off_ones_and_says_what_it_left_out()
    {
        await SaveSettingsAsync(s => s with { Enabled = false }, "website-002");
        await SaveSettingsAsync(s => s with { AllChannels = false, Channels = [] }, "website-003");
        // Heard before the drop: the switched-off websites too, so that only their settings keep them out of the list.
        foreach (var (website, phone) in new[] { ("website-002", "+351912340002"), ("website-003", "+351912340003"), ("website-250", "+351912340250"), ("website-150", "+351912340150") })
        {
            var heard = await StartConversationAsync("whatsapp", phone: phone, websiteId: website);
            await Activity.OutcomeAsync(heard);
        }
        await Sandbox.Control.ResetRequestsAsync();
        var status = Engine.Get<CatchUpStatus>();
        using var metrics = new MetricsRecorder(Engine.Get<IMeterFactory>());

        var reconnecting = WaitForStateAsync(Engine.Get<CrispConnectionStatus>(), CrispConnectionState.Reconnecting);
        await RtmOutageTests.DropSocketsAsync(Sandbox, refuseReconnectSeconds: 1);
        await reconnecting;
        var onHeardWebsite = await StartConversationAsync("whatsapp", phone: "+351912341250", websiteId: "website-250");
        var onQuietWebsite = await StartConversationAsync("whatsapp", phone: "+351912341300", websiteId: "website-300");
        var onSwitchedOff = await StartConversationAsync("whatsapp", phone: "+351912341002", websiteId: "website-002");
        await WaitForConnectionAsync();
        await Eventually.TrueAsync(() => Engine.Get<OutageCatchUp>().HoldsMarkAt is null && status.LastNotListed is not null, "the catch-up to finish");

        // The recently heard website was listed: its missed conversation got its contact from the catch-up.
        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(onHeardWebsite)).Outcome);
        var listed = (await Sandbox.Control.RequestsAsync()).Count("GET", ListRoute);
        var eligible = WebsiteCount - 2;
        Assert.InRange(listed, 2, eligible - 1);
        Assert.Equal(0, listed % PerGapSecond); // a whole number of seconds' allowance, one page per website
        Assert.Equal(eligible - listed, status.WebsitesNotListed);
        Assert.Equal(eligible - listed, Assert.Single(metrics.Gauges(), m => m.Instrument == "richcontact.catchup.websites_not_listed").Value);
        Assert.Contains($"gap: {eligible - listed} of {eligible} websites not listed, their next message will be heard", status.LastNotListed);
        Assert.Empty(Activity.For(onQuietWebsite)); // not listed: nothing yet
        Assert.Empty(Activity.For(onSwitchedOff));

        // The visitor writes again: heard live, the unseen session starts its window.
        await Sandbox.Control.SendMessageAsync(onQuietWebsite, "Anyone there?");
        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(onQuietWebsite)).Outcome);
        Assert.Single(await ProfilesAsync("website-300"));
    }

    [Fact]
    public async Task Restart_with_a_short_gap_reads_the_website_list_once_and_lists_only_what_its_gap_allows()
    {
        await StopEngineAsync();
        await Sandbox.Control.ResetRequestsAsync();
        var onQuietWebsite = await StartConversationAsync("whatsapp", phone: "+351912342300", websiteId: "website-300");

        await StartEngineAsync();
        var status = Engine.Get<CatchUpStatus>();
        await Eventually.TrueAsync(() => Engine.Get<OutageCatchUp>().HoldsMarkAt is null && status.LastNotListed is not null, "the start-up catch-up to finish");

        var requests = await Sandbox.Control.RequestsAsync();
        // One read of the full list, page by page up to the first empty page: not one call per website.
        Assert.Equal(WebsiteCount / RichContact.Sandbox.Rest.PluginConnectRoutes.WebsitesPerPage + 1, requests.Count("GET", "/v1/plugin/connect/websites/all/{page}"));
        var listed = requests.Count("GET", ListRoute);
        Assert.InRange(listed, PerGapSecond, WebsiteCount - 1);
        Assert.Equal(WebsiteCount - listed, status.WebsitesNotListed);
        Assert.Empty(Activity.For(onQuietWebsite)); // website-300 comes last by id: a restart has heard no website yet

        await Sandbox.Control.SendMessageAsync(onQuietWebsite, "Hello?");
        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(onQuietWebsite)).Outcome);
    }
}
