using RichContact.Engine.Backfill;
using RichContact.Engine.Nodes;
using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Backfill;

/// <summary>The engine stops in the middle of a run and starts again on the same data directory.</summary>
public class BackfillRestartTests : BackfillTest
{
    [Fact]
    public async Task Run_stopped_with_the_engine_goes_on_after_the_restart_and_finishes_with_no_duplicate()
    {
        var sessions = await PastWhatsAppConversationsAsync(12);
        var preview = await PreviewAsync();
        await Sandbox.Control.FaultsAsync(new SandboxFaults { LatencyMs = 100 });
        await Runs.StartAsync(preview.Run.Id);
        await UntilAsync(preview.Run.Id, r => r.Done >= 2, "two conversations decided");

        await StopEngineAsync(); // the batch job is cut wherever it is
        await Sandbox.Control.ClearFaultsAsync();
        await StartEngineAsync();

        var done = await UntilStatusAsync(preview.Run.Id, BackfillStatus.Done);
        Assert.Contains(Logs.Lines, l => l.Contains($"Backfill {done.Id} of website {WebsiteId} goes on from where the previous process stopped"));
        Assert.Equal(12, done.Total);
        // A conversation cut between its create and its record is found again: "existing", not a second contact.
        Assert.Equal(12, done.Created + done.Existing);
        Assert.Equal(12, (await ProfilesAsync()).Count);
        foreach (var session in sessions)
        {
            var entries = await EntriesAsync(session);
            Assert.Single(entries);
            Assert.Equal(done.Id, entries[0].BackfillRunId);
        }
    }

    [Fact]
    public async Task Run_whose_batch_finds_a_stale_batch_still_running_goes_on_once_that_one_stops()
    {
        await PastWhatsAppConversationsAsync(4);
        var preview = await PreviewAsync();

        // The previous process's batch, requeued at its stop and taken up first, still holds the run here.
        await using (await Engine.Get<IContactLocks>().TryAcquireAsync(BackfillJob.LockKey(WebsiteId), CancellationToken.None))
        {
            await Runs.StartAsync(preview.Run.Id);
            await Eventually.TrueAsync(() => Logs.Lines.Any(l => l.Contains($"Backfill {preview.Run.Id}: another batch of website {WebsiteId}'s backfill is running")),
                "the new chain's batch to find the run taken");
        }

        var done = await UntilStatusAsync(preview.Run.Id, BackfillStatus.Done);
        Assert.Equal((4, 4), (done.Total, done.Created));
    }

    [Fact]
    public async Task Paused_run_stays_paused_across_a_restart()
    {
        await PastWhatsAppConversationsAsync(4);
        var preview = await PreviewAsync();
        await Runs.StartAsync(preview.Run.Id);
        await Runs.PauseAsync(preview.Run.Id);
        await UntilTheJobStoppedAsync(preview.Run.Id, BackfillStatus.Paused);
        var before = await RunAsync(preview.Run.Id);

        await StopEngineAsync();
        await StartEngineAsync();

        var after = await RunAsync(preview.Run.Id);
        Assert.Equal((BackfillStatus.Paused, before.Done), (after.Status, after.Done));
        Assert.True(await Runs.ResumeAsync(after.Id));
        Assert.Equal(4, (await UntilStatusAsync(after.Id, BackfillStatus.Done)).Created);
    }
}
