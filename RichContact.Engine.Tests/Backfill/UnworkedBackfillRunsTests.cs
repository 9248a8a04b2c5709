using RichContact.Engine.Backfill;

namespace RichContact.Engine.Tests.Backfill;

/// <summary>A run left "running" with no batch job (its node died, or the job was deleted) is taken up while the engine runs.</summary>
public class UnworkedBackfillRunsTests : BackfillTest
{
    protected override IDictionary<string, string?> EngineSettings => new Dictionary<string, string?>(base.EngineSettings)
    {
        ["RichContact:Backfill:UnworkedCheckSeconds"] = "1",
    };

    [Fact]
    public async Task Running_run_whose_batch_job_is_gone_is_taken_up_without_a_restart()
    {
        var sessions = await PastWhatsAppConversationsAsync(5);
        var preview = await PreviewAsync();

        // Running, as a node that died left it: its chain's job is in no queue and no schedule.
        Assert.True(await Store.MoveAsync(preview.Run.Id, [BackfillStatus.Previewed], BackfillStatus.Running, chain: "chain-of-a-dead-node"));

        var done = await UntilStatusAsync(preview.Run.Id, BackfillStatus.Done);
        Assert.Contains(Logs.Lines, l => l.Contains($"Backfill {done.Id} of website {WebsiteId} was running with no batch job"));
        Assert.Equal((5, 5), (done.Total, done.Created));
        Assert.Equal(5, (await ProfilesAsync()).Count);
        foreach (var session in sessions)
            Assert.Single(await EntriesAsync(session));
    }
}
