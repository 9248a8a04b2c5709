using RichContact.Engine.Activity;
using RichContact.Engine.Backfill;
using RichContact.Engine.Contacts;
using RichContact.Sandbox;

namespace RichContact.Engine.Tests.Backfill;

/// <summary>What the past-conversations page offers once Crisp's contacts limit lifts: the conversations it refused, and a run that gives them their contact.</summary>
public sealed class BackfillOfRefusedByLimitTests : BackfillTest
{
    [Fact]
    public async Task Conversations_refused_for_the_contacts_limit_are_offered_once_it_lifts_and_a_backfill_over_them_creates_their_contacts()
    {
        await Sandbox.Control.SetPeopleLimitAsync(WebsiteId, PeopleLimitReadings.PlanLimit);
        var ana = await StartConversationAsync("whatsapp", phone: "+351 912 000 701", nickname: "Ana");
        var bea = await StartConversationAsync("telegram", phone: "+351 912 000 702", nickname: "Bea");
        foreach (var session in new[] { ana, bea })
        {
            var refused = await Activity.OutcomeAsync(session);
            Assert.Equal((ActivityOutcome.Failed, ReasonCodes.ContactsLimit), (refused.Outcome, refused.Reason));
        }
        var queries = Engine.Get<ActivityQueries>();
        Assert.Equal(2, (await queries.RefusedByLimitAsync(WebsiteId))!.Count);

        // Lifted in Crisp and learnt by the next conversation (a settings save lets it try at once).
        await Sandbox.Control.SetPeopleLimitAsync(WebsiteId, PeopleLimitReadings.None);
        await SaveSettingsAsync(s => s);
        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 912 000 703", nickname: "Caio"))).Outcome);
        Assert.Empty(await Engine.Get<ContactsLimit>().AllAsync());

        var offered = (await queries.RefusedByLimitAsync(WebsiteId))!;
        var preview = await Runs.PreviewAsync(WebsiteId, offered.Range.From, offered.Range.Until);
        // The three conversations of the range: the two refused to process, the created one passed over.
        Assert.Equal((2, 1), (preview.ToProcess, preview.HadOutcome));

        Assert.True(await Runs.StartAsync(preview.Run.Id));
        var done = await UntilStatusAsync(preview.Run.Id, BackfillStatus.Done);

        Assert.Equal((2, 0), (done.Created, done.Failed));
        Assert.Equal(3, (await ProfilesAsync()).Count);
        Assert.Null(await queries.RefusedByLimitAsync(WebsiteId));
        foreach (var session in new[] { ana, bea })
            Assert.Contains(await EntriesAsync(session), e => e.Outcome == ActivityOutcome.Created && e.BackfillRunId == done.Id);
    }
}
