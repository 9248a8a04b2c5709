using RichContact.Engine.Backfill;

namespace RichContact.Engine.Tests.Backfill;

/// <summary>A range longer than the preview lists.</summary>
public class BackfillPagingTests : BackfillTest
{
    protected override IDictionary<string, string?> EngineSettings => new Dictionary<string, string?>(base.EngineSettings) { ["RichContact:Backfill:PreviewMaxPages"] = "1" };

    [Fact]
    public async Task Range_of_more_than_one_page_is_listed_page_by_page_during_the_run()
    {
        // 60 conversations: a preview capped at one page lists 50 and the run lists the rest.
        await PastWhatsAppConversationsAsync(6);
        await Sandbox.Control.PrefillPastConversationsAsync(WebsiteId, 54, days: 9);

        var preview = await PreviewAsync();
        Assert.True(preview.MoreToList);
        Assert.Equal(50, preview.Run.Conversations);
        await Runs.StartAsync(preview.Run.Id);
        var done = await UntilStatusAsync(preview.Run.Id, BackfillStatus.Done, TimeSpan.FromSeconds(90));

        Assert.Equal(60, done.Conversations);
        Assert.Equal(done.Total, done.Created + done.Existing + done.Skipped + done.Failed + done.HadOutcome);
        Assert.Equal(0, done.Failed);
        Assert.Equal(60, done.Total + done.NotChannel);
        // One contact per person, however many conversations and channels they used.
        var profiles = await ProfilesAsync();
        Assert.Equal(done.Created, profiles.Count);
        var phones = profiles.Select(Phone).OfType<string>().ToList();
        Assert.Equal(phones.Count, phones.Distinct().Count());
        Assert.Equal(profiles.Count, profiles.Select(Email).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
