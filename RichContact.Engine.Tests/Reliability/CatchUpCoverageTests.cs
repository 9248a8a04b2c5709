using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp.Rtm;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Reliability;

/// <summary>The catch-up after a restart reaches every conversation of the gap (RELIABILITY.md, issue 11.3).</summary>
public class CatchUpCoverageTests : EngineEndToEndTest
{
    private const string ListRoute = "/v1/website/{website_id}/conversations/{page}";

    [Fact]
    public async Task Busy_gap_is_caught_up_page_by_page_down_to_its_oldest_conversation()
    {
        await StopEngineAsync();
        // Pages of 50, 50 and 15: the two newest pages alone would leave out the 15 oldest conversations.
        // (A last page of 20 or more would be followed by one more read: Crisp may serve 20 a page.)
        var missed = new List<string>();
        for (var i = 0; i < 115; i++)
            missed.Add(await StartConversationAsync("whatsapp", phone: $"+3519123{i:D5}"));
        await SaveSettingsWhileStoppedAsync();
        await Sandbox.Control.ResetRequestsAsync();

        await StartEngineAsync();

        var tracker = Engine.Get<HeardConversations>();
        var catchUp = Engine.Get<OutageCatchUp>();
        await Eventually.TrueAsync(() => catchUp.HoldsMarkAt is null && missed.All(s => tracker.Get(new ConversationKey(WebsiteId, s)) is not null),
            "every conversation of the gap to be caught up, and the catch-up to be done");
        var websites = Engine.Get<SubscribedWebsites>().All.Count;
        Assert.Equal(3 + (websites - 1), (await Sandbox.Control.RequestsAsync()).Count("GET", ListRoute)); // 3 pages + 1 per other website
    }

    /// <summary>
    /// No contacts needed here, only proof that the catch-up listed them: the website monitors Telegram
    /// alone, so its WhatsApp conversations are skipped. (Not switched off: a switched-off website is not listed at all.)
    /// </summary>
    private async Task SaveSettingsWhileStoppedAsync()
    {
        await StartEngineAsync();
        await SaveSettingsAsync(s => s with { AllChannels = false, Channels = ["telegram"] });
        await StopEngineAsync();
    }
}
