using Hangfire;
using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Testing;

namespace RichContact.Engine.Tests.EndToEnd;

/// <summary>The conversation's Hangfire job, when it runs instead of the window-end run, previews too.</summary>
public class PreviewOnlyHangfireRunTests : EngineEndToEndTest
{
    // Long enough for the test to run the Hangfire job before the window ends.
    protected override double CollectionWindowSeconds => 4;

    [Fact]
    public async Task Hangfire_run_of_a_conversation_on_a_preview_website_creates_nothing_and_the_window_end_run_adds_nothing()
    {
        await SaveSettingsAsync(s => s with { PreviewOnly = true, EnrichGeolocation = true });
        // No country: a website that enriches with it waits the whole window.
        var session = await StartConversationAsync("whatsapp", phone: "+351 912 000 311", nickname: "Joana");
        await WaitUntilTrackedAsync(session);

        await Engine.Get<CreateContactJob>().RunAsync(WebsiteId, session, null, CancellationToken.None);
        Assert.Equal(ActivityOutcome.WouldCreate, Assert.Single(Activity.For(session)).Outcome);
        // The window-end run comes later, finds the outcome and deletes the Hangfire job.
        var jobs = Engine.Get<JobStorage>().GetMonitoringApi();
        await Eventually.TrueAsync(() => jobs.DeletedListCount() == 1, "the window-end run");

        Assert.Single(Activity.For(session));
        Assert.Empty(await ProfilesAsync());
        Assert.Equal(0, (await Sandbox.Control.RequestsAsync()).Count("POST", PreviewOnlyTests.CreateRoute));
    }
}
