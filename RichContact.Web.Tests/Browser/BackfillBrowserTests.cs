using System.Text.RegularExpressions;
using RichContact.Engine.Activity;
using RichContact.Engine.Backfill;
using RichContact.Sandbox;
using RichContact.Testing;
using RichContact.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RichContact.Web.Tests.Browser;

/// <summary>
/// An operator creates contacts for a website's past conversations: picks a range, reads the preview,
/// starts the run and watches its bar move to done, then finds the conversations in the feed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BackfillBrowserTests(BrowserFixture fixture)
{
    private const int PastChannelConversations = 12;

    private RichContactApp App => fixture.App;

    private string Url(string path) => new Uri(App.BaseUrl, path).ToString();

    private Task<string> InstallWebsiteAsync() => App.InstallWebsiteAsync("Casa Lisboa", "casa-lisboa.example.pt");

    /// <summary>What the website had before the plugin: WhatsApp and Telegram conversations, and chat box and email ones.</summary>
    private async Task<List<string>> PastConversationsAsync(string websiteId)
    {
        var sessions = new List<string>();
        for (var i = 0; i < PastChannelConversations; i++)
            sessions.Add(await App.Sandbox.Control.StartConversationAsync(new StartConversationRequest
            {
                WebsiteId = websiteId, Origin = i % 3 == 0 ? "telegram" : "whatsapp", Phone = $"+351 913 000 {i:D3}", Nickname = $"Cliente {i}",
                CreatedAt = DateTimeOffset.UtcNow.AddDays(-2 - i),
            }));
        foreach (var origin in new[] { "chat", "chat", "email" })
            await App.Sandbox.Control.StartConversationAsync(new StartConversationRequest
            {
                WebsiteId = websiteId, Origin = origin, Nickname = "Visitante", Email = $"{origin}{sessions.Count}@example.pt",
                CreatedAt = DateTimeOffset.UtcNow.AddDays(-3),
            });
        return sessions;
    }

    [Fact]
    public async Task An_operator_previews_a_backfill_starts_it_watches_the_bar_move_to_done_and_finds_the_conversations_in_the_feed()
    {
        var websiteId = await InstallWebsiteAsync();
        var past = await PastConversationsAsync(websiteId);
        // One conversation heard live today: the range covers it, and it already has its contact.
        using var waiter = new ActivityRecorder(App.Get<ActivityStream>());
        var live = await App.Sandbox.Control.StartConversationAsync(new() { WebsiteId = websiteId, Origin = "whatsapp", Phone = "+351 913 999 999", Nickname = "Ao Vivo" });
        Assert.Equal(ActivityOutcome.Created, (await waiter.OutcomeAsync(live)).Outcome);

        var page = await fixture.NewPageAsync();
        await BrowserFixture.RunAsync(page, nameof(An_operator_previews_a_backfill_starts_it_watches_the_bar_move_to_done_and_finds_the_conversations_in_the_feed), async () =>
        {
            // From the website's page, through the login.
            await page.GotoAsync(Url($"websites/{websiteId}"));
            await page.GetByTestId("password").FillAsync(RichContactApp.AdminPassword);
            await page.GetByTestId("login").ClickAsync();
            await Expect(page.GetByTestId("website-title")).ToContainTextAsync("Casa Lisboa");
            await Expect(page.Locator("[data-testid=settings-form][data-interactive]")).ToBeVisibleAsync();
            await page.GetByTestId("past-conversations-link").ClickAsync();
            await Expect(page).ToHaveURLAsync(Url($"websites/{websiteId}/past-conversations"));
            await Expect(page.Locator("[data-testid=backfill-page][data-interactive]")).ToBeVisibleAsync();
            await Expect(page).ToHaveTitleAsync("Past conversations · Casa Lisboa · Rich Contact");

            // The range: the last 30 days, then the preview's numbers.
            await page.GetByTestId("backfill-last-30").ClickAsync();
            await page.GetByTestId("backfill-preview").ClickAsync();
            var preview = page.GetByTestId("backfill-preview-card");
            await Expect(preview.GetByTestId("preview-conversations")).ToHaveTextAsync("16");
            await Expect(preview.GetByTestId("preview-not-channel")).ToHaveTextAsync("3");
            await Expect(preview.GetByTestId("preview-channel")).ToContainTextAsync("13");
            await Expect(preview.GetByTestId("preview-channel")).ToContainTextAsync("WhatsApp 9, Telegram 4");
            await Expect(preview.GetByTestId("preview-had-outcome")).ToHaveTextAsync("1");
            await Expect(preview.GetByTestId("preview-to-process")).ToHaveTextAsync("12");
            await Expect(preview.GetByTestId("preview-calls")).ToHaveTextAsync("24–48"); // a created contact: meta, search, create and the placeholder's unsubscribe
            await Expect(preview.GetByTestId("preview-cost")).ToHaveTextAsync("1 Crisp call");
            await Expect(preview.GetByTestId("preview-budget")).ToContainTextAsync("1000 kept for live conversations");
            await Expect(preview.GetByTestId("preview-days")).ToHaveTextAsync("Fits in what is left of today's budget.");
            await DocsScreenshots.SaveAsync(preview, "backfill-preview.png");
            Assert.Single(await App.Sandbox.Control.ProfilesAsync(websiteId)); // the live one's: a preview creates nothing

            // Crisp a little slow, as over the internet: the run lasts long enough to watch.
            await App.Sandbox.Control.FaultsAsync(new SandboxFaults { LatencyMs = 150 });
            var progress = page.GetByTestId("backfill-progress");
            try
            {
                await page.GetByTestId("backfill-start").ClickAsync();
                await Expect(page.GetByTestId("backfill-progress-card")).ToHaveAttributeAsync("data-status", "Running");
                await Expect(progress).ToHaveAttributeAsync("data-total", "13");
                // The bar moves: some conversations done, not all.
                await Expect(progress).ToHaveAttributeAsync("data-done", new Regex(@"^([2-9]|1[0-2])$"));
                await Expect(page.GetByTestId("backfill-pause")).ToBeVisibleAsync();
                await DocsScreenshots.SaveAsync(page, "backfill.png");

                await Expect(page.GetByTestId("backfill-progress-card")).ToHaveAttributeAsync("data-status", "Done", new() { Timeout = 60_000 });
            }
            finally
            {
                await App.Sandbox.Control.ClearFaultsAsync();
            }
            await Expect(progress).ToHaveAttributeAsync("data-done", "13");
            await Expect(page.GetByTestId("backfill-done-of-total")).ToContainTextAsync("13 of 13 conversations");
            await Expect(page.GetByTestId("backfill-created")).ToHaveTextAsync("12");
            await Expect(page.GetByTestId("backfill-had-outcome")).ToHaveTextAsync("1");
            await Expect(page.GetByTestId("backfill-failed")).ToHaveTextAsync("0");
            await Expect(page.GetByTestId("backfill-status")).ToHaveTextAsync("done");
            await Expect(page.Locator("[data-testid=backfill-history-row][data-status=Done]")).ToHaveCountAsync(1);
            Assert.Equal(PastChannelConversations + 1, (await App.Sandbox.Control.ProfilesAsync(websiteId)).Count);

            // The feed shows them, marked as past conversations; the live one is not.
            await page.GotoAsync(Url("activity"));
            await Expect(page.Locator("[data-testid=filters][data-interactive]")).ToBeVisibleAsync();
            foreach (var session in past.TakeLast(5)) // decided last, so on the feed's first page
            {
                var row = page.Locator($"[data-testid=activity-row][data-session='{session}']");
                await Expect(row).ToHaveAttributeAsync("data-outcome", "Created");
                await Expect(row.GetByTestId("backfilled")).ToHaveTextAsync("past conversation");
            }
            await Expect(page.Locator($"[data-testid=activity-row][data-session='{live}'] [data-testid=backfilled]")).ToHaveCountAsync(0);
        });
        Assert.Equal(BackfillStatus.Done, (await App.Get<BackfillStore>().CurrentAsync(websiteId))!.Status);
    }
}
