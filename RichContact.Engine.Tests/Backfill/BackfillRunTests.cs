using RichContact.Engine.Activity;
using RichContact.Engine.Backfill;
using RichContact.Engine.Contacts;

namespace RichContact.Engine.Tests.Backfill;

/// <summary>A backfill from preview to done: what it creates, what it leaves, what it costs.</summary>
public class BackfillRunTests : BackfillTest
{
    [Fact]
    public async Task Backfill_over_a_range_creates_one_contact_per_past_channel_conversation_and_leaves_chat_and_email()
    {
        var whatsapp = await PastConversationAsync("whatsapp", daysAgo: 3, phone: "+351 912 345 601", nickname: "Ana Past");
        var telegram = await PastConversationAsync("telegram", daysAgo: 2, phone: "+351 912 345 602", nickname: "Rui Past");
        var chat = await PastConversationAsync("chat", daysAgo: 2, nickname: "visitor1234", email: "chat@example.com");
        var email = await PastConversationAsync("email", daysAgo: 1, nickname: "Eva Mail", email: "eva@example.com");
        var tooOld = await PastConversationAsync("whatsapp", daysAgo: 20, phone: "+351 912 345 603");

        var preview = await PreviewAsync();

        Assert.Equal((BackfillStatus.Previewed, 4, 2, 2, true), (preview.Run.Status, preview.Run.Conversations, preview.Run.NotChannel, preview.Run.Total, preview.Run.Listed));
        Assert.Equal(new Dictionary<string, int> { ["telegram"] = 1, ["whatsapp"] = 1 }, preview.ByChannel);
        // A created contact: the meta, the search, the create and its placeholder's unsubscribe.
        Assert.Equal((0, 0, 2, 4, 8), (preview.HadOutcome, preview.NotMonitored, preview.ToProcess, preview.CallsLow, preview.CallsHigh));
        Assert.Equal((1, 1), (preview.Run.PreviewCalls, preview.DaysNeeded)); // one page listed; 8 calls fit in today's budget
        Assert.Equal((1000, 5000 - Engine.Get<RichContact.Engine.Crisp.Rest.CrispRequestBudget>().Used), (preview.Reserve, preview.LeftToday));
        Assert.Empty(await ProfilesAsync()); // a preview creates nothing

        Assert.True(await Runs.StartAsync(preview.Run.Id));
        var done = await UntilStatusAsync(preview.Run.Id, BackfillStatus.Done);

        Assert.Equal((2, 2, 0, 0, 0, 0), (done.Total, done.Created, done.Existing, done.Skipped, done.Failed, done.HadOutcome));
        Assert.Equal(1 + 2 * 4, done.CrispCalls); // the list, then a meta read, a search, a create and an unsubscribe each
        Assert.NotNull(done.FinishedAt);
        Assert.Equal(0, await ListedRowsAsync(done.Id)); // the run's list goes with it; its counts stay
        Assert.Equal(["351912345601@whatsapp.nomail", "351912345602@telegram.nomail"], (await ProfilesAsync()).Select(Email).Order());
        foreach (var session in new[] { whatsapp, telegram })
        {
            var entry = Assert.Single(await EntriesAsync(session));
            Assert.Equal((ActivityOutcome.Created, done.Id), (entry.Outcome, entry.BackfillRunId));
            // Its first message is the conversation's own (days ago), and that is not a latency.
            Assert.InRange(entry.FirstMessageAt!.Value, DateTimeOffset.UtcNow.AddDays(-4), DateTimeOffset.UtcNow.AddDays(-1));
            Assert.Null(entry.ElapsedMs);
        }
        Assert.Empty(await EntriesAsync(chat));
        Assert.Empty(await EntriesAsync(email));
        Assert.Empty(await EntriesAsync(tooOld));
        Assert.Null((await Engine.Get<ActivityQueries>().StatsAsync(DateTimeOffset.UtcNow.AddDays(-1))).P95ElapsedMs);
        Assert.Contains(Logs.Lines, l => l.Contains($"Backfill {done.Id} of website {WebsiteId}: Done, 2 of 2 conversations (2 created, 0 existing, 0 skipped, 0 failed, 0 had an outcome), 9 Crisp calls"));
    }

    [Fact]
    public async Task Conversation_that_already_has_an_outcome_is_not_processed_again_and_costs_no_crisp_call()
    {
        var live = await StartConversationAsync("whatsapp", phone: "+351912345611", nickname: "Heard Live");
        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(live)).Outcome);
        var past = await PastConversationAsync("whatsapp", daysAgo: 2, phone: "+351912345612");

        var preview = await PreviewAsync();
        Assert.Equal((2, 1, 1, 4), (preview.Run.Total, preview.HadOutcome, preview.ToProcess, preview.CallsHigh));
        await Sandbox.Control.ResetRequestsAsync();
        await Runs.StartAsync(preview.Run.Id);
        var done = await UntilStatusAsync(preview.Run.Id, BackfillStatus.Done);

        Assert.Equal((1, 1), (done.Created, done.HadOutcome));
        var requests = await Sandbox.Control.RequestsAsync();
        Assert.Equal(4, requests.Total); // the past conversation's meta, search, create and unsubscribe; nothing for the live one
        Assert.Equal(1, requests.Count("GET", MetaRoute));
        var liveEntry = Assert.Single(await EntriesAsync(live));
        Assert.Null(liveEntry.BackfillRunId);

        // A second run over the same range decides nothing again.
        var again = await PreviewAsync();
        Assert.Equal((2, 2, 0, 0), (again.Run.Total, again.HadOutcome, again.ToProcess, again.CallsHigh));
        await Sandbox.Control.ResetRequestsAsync();
        await Runs.StartAsync(again.Run.Id);
        var second = await UntilStatusAsync(again.Run.Id, BackfillStatus.Done);
        Assert.Equal((0, 2), (second.Created, second.HadOutcome));
        Assert.Equal(0, (await Sandbox.Control.RequestsAsync()).Total);
        Assert.Equal(2, (await ProfilesAsync()).Count);
    }

    [Fact]
    public async Task Same_person_on_two_channels_in_the_past_gets_one_contact()
    {
        var whatsapp = await PastConversationAsync("whatsapp", daysAgo: 3, phone: "+351 912 345 678", nickname: "Ana Silva");
        var telegram = await PastConversationAsync("telegram", daysAgo: 2, phone: "00351912345678", nickname: "Ana");

        var preview = await PreviewAsync();
        await Runs.StartAsync(preview.Run.Id);
        var done = await UntilStatusAsync(preview.Run.Id, BackfillStatus.Done);

        Assert.Equal((1, 1), (done.Created, done.Existing));
        var profile = Assert.Single(await ProfilesAsync());
        var outcomes = new[] { Assert.Single(await EntriesAsync(whatsapp)), Assert.Single(await EntriesAsync(telegram)) };
        Assert.All(outcomes, e => Assert.Equal(profile["people_id"]!.GetValue<string>(), e.PeopleId));
    }

    [Fact]
    public async Task Channels_the_website_does_not_monitor_are_skipped_without_a_crisp_call()
    {
        await SaveSettingsAsync(s => s with { AllChannels = false, Channels = ["whatsapp"] });
        await PastConversationAsync("whatsapp", daysAgo: 3, phone: "+351912345621");
        var telegram = await PastConversationAsync("telegram", daysAgo: 2, phone: "+351912345622");

        var preview = await PreviewAsync();
        Assert.Equal((1, 1, 4), (preview.NotMonitored, preview.ToProcess, preview.CallsHigh));
        await Sandbox.Control.ResetRequestsAsync();
        await Runs.StartAsync(preview.Run.Id);
        var done = await UntilStatusAsync(preview.Run.Id, BackfillStatus.Done);

        Assert.Equal((1, 1), (done.Created, done.Skipped));
        var skipped = Assert.Single(await EntriesAsync(telegram));
        Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.ChannelNotMonitored), (skipped.Outcome, skipped.Reason));
        Assert.Equal(4, (await Sandbox.Control.RequestsAsync()).Total);
    }

    [Fact]
    public async Task Website_in_preview_only_gets_would_create_entries_and_no_contact()
    {
        await SaveSettingsAsync(s => s with { PreviewOnly = true });
        var session = await PastConversationAsync("whatsapp", daysAgo: 2, phone: "+351912345631");

        var preview = await PreviewAsync();
        Assert.True(preview.PreviewOnly);
        Assert.Equal((1, 2), (preview.ToProcess, preview.CallsHigh)); // the meta and the search: no create
        await Runs.StartAsync(preview.Run.Id);
        var done = await UntilStatusAsync(preview.Run.Id, BackfillStatus.Done);

        Assert.Equal((0, 1, 1), (done.Created, done.WouldCreate, done.Done));
        Assert.Empty(await ProfilesAsync());
        var entry = Assert.Single(await EntriesAsync(session));
        Assert.Equal((ActivityOutcome.WouldCreate, done.Id), (entry.Outcome, entry.BackfillRunId));
    }
}
