using RichContact.Engine.Backfill;
using RichContact.Sandbox;

namespace RichContact.Engine.Tests.Backfill;

/// <summary>The operator pauses, resumes and cancels a run; one run per website at a time.</summary>
public class BackfillControlTests : BackfillTest
{
    /// <summary>Every Crisp answer 100 ms late: a run of a few conversations lasts long enough to be stopped in the middle.</summary>
    private Task SlowCrispAsync() => Sandbox.Control.FaultsAsync(new SandboxFaults { LatencyMs = 100 });

    [Fact]
    public async Task Pause_stops_after_the_current_conversation_and_resume_goes_on_to_done()
    {
        var sessions = await PastWhatsAppConversationsAsync(8);
        var preview = await PreviewAsync();
        await SlowCrispAsync();
        await Runs.StartAsync(preview.Run.Id);
        await UntilAsync(preview.Run.Id, r => r.Done >= 1, "a first conversation decided");

        Assert.True(await Runs.PauseAsync(preview.Run.Id));
        await UntilTheJobStoppedAsync(preview.Run.Id, BackfillStatus.Paused);
        var paused = await RunAsync(preview.Run.Id);
        var profilesWhilePaused = (await ProfilesAsync()).Count;

        Assert.Equal(BackfillStatus.Paused, paused.Status);
        Assert.InRange(paused.Done, 1, 7);
        Assert.Equal(paused.Created, profilesWhilePaused);
        Assert.Equal(8 - paused.Done, await ListedRowsAsync(paused.Id, waiting: true)); // the rest still listed, waiting
        Assert.False(await Runs.PauseAsync(paused.Id)); // already paused

        await Sandbox.Control.ClearFaultsAsync();
        Assert.True(await Runs.ResumeAsync(paused.Id));
        var done = await UntilStatusAsync(paused.Id, BackfillStatus.Done);

        Assert.Equal((8, 8), (done.Total, done.Created));
        Assert.Equal(8, (await ProfilesAsync()).Count);
        foreach (var session in sessions)
            Assert.Single(await EntriesAsync(session));
    }

    [Fact]
    public async Task Cancel_stops_the_run_for_good_and_keeps_what_it_created()
    {
        await PastWhatsAppConversationsAsync(8);
        var preview = await PreviewAsync();
        await SlowCrispAsync();
        await Runs.StartAsync(preview.Run.Id);
        await UntilAsync(preview.Run.Id, r => r.Done >= 1, "a first conversation decided");

        Assert.True(await Runs.CancelAsync(preview.Run.Id));
        await UntilTheJobStoppedAsync(preview.Run.Id, BackfillStatus.Cancelled);
        var cancelled = await RunAsync(preview.Run.Id);

        Assert.Equal(BackfillStatus.Cancelled, cancelled.Status);
        Assert.NotNull(cancelled.FinishedAt);
        Assert.InRange(cancelled.Created, 1, 7);
        Assert.Equal(cancelled.Created, (await ProfilesAsync()).Count); // what it created stays, and nothing more comes
        Assert.Equal(0, await ListedRowsAsync(cancelled.Id));
        Assert.False(await Runs.ResumeAsync(cancelled.Id));
        Assert.False(await Runs.StartAsync(cancelled.Id));

        // The website is free for a new run, which finishes what the cancelled one left.
        await Sandbox.Control.ClearFaultsAsync();
        var next = await PreviewAsync();
        Assert.Equal((cancelled.Created, 8 - cancelled.Created), (next.HadOutcome, next.ToProcess));
        await Runs.StartAsync(next.Run.Id);
        Assert.Equal(8 - cancelled.Created, (await UntilStatusAsync(next.Run.Id, BackfillStatus.Done)).Created);
        Assert.Equal(8, (await ProfilesAsync()).Count);
    }

    [Fact]
    public async Task Website_has_one_run_at_a_time_and_a_new_preview_replaces_the_one_not_started()
    {
        await PastWhatsAppConversationsAsync(4);
        var first = await PreviewAsync();
        var second = await PreviewAsync();

        Assert.Null(await Store.GetAsync(first.Run.Id)); // a preview not started is a draft
        Assert.Equal(0, await ListedRowsAsync(first.Run.Id)); // its list goes with it
        Assert.False(await Runs.StartAsync(first.Run.Id));

        await SlowCrispAsync();
        Assert.True(await Runs.StartAsync(second.Run.Id));
        await Assert.ThrowsAsync<BackfillConflictException>(PreviewAsync);
        Assert.Equal(second.Run.Id, (await Store.CurrentAsync(WebsiteId))!.Id);

        // Another website is not held up by this one.
        var other = Sandbox.Options.Websites[1].Id;
        var elsewhere = await Runs.PreviewAsync(other, RangeStart, DateTimeOffset.UtcNow);
        Assert.Equal(BackfillStatus.Previewed, elsewhere.Run.Status);

        await Sandbox.Control.ClearFaultsAsync();
        await UntilStatusAsync(second.Run.Id, BackfillStatus.Done);
        Assert.Equal(4, (await ProfilesAsync()).Count);
    }

    [Fact]
    public async Task Range_that_ends_before_it_starts_or_is_too_long_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Runs.PreviewAsync(WebsiteId, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(-2)));
        await Assert.ThrowsAsync<ArgumentException>(() => Runs.PreviewAsync(WebsiteId, DateTimeOffset.UtcNow.AddDays(1), DateTimeOffset.UtcNow.AddDays(2)));
        await Assert.ThrowsAsync<ArgumentException>(() => Runs.PreviewAsync(WebsiteId, DateTimeOffset.UtcNow.AddDays(-400), DateTimeOffset.UtcNow));
        Assert.Null(await Store.CurrentAsync(WebsiteId));
    }
}
