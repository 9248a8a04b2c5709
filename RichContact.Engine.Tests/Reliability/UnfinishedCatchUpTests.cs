using RichContact.Engine.Activity;
using RichContact.Engine.Storage;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Reliability;

/// <summary>A catch-up cut off by a stop (RELIABILITY.md, issue 11.2): the mark stays at its start, the next start does it.</summary>
public class UnfinishedCatchUpTests : EngineEndToEndTest
{
    private const string ListRoute = "/v1/website/{website_id}/conversations/{page}";

    // A margin shorter than the time between the stop and the restart: what the mark skips is lost.
    protected override IDictionary<string, string?> EngineSettings => new Dictionary<string, string?>
    {
        ["RichContact:CatchUp:MarginSeconds"] = "0.1",
    };

    [Fact]
    public async Task Catch_up_stopped_in_the_middle_keeps_the_mark_and_is_done_after_the_next_start()
    {
        await StopEngineAsync();
        var mark = File.ReadAllText(Path.Combine(Data.Path, DataDirectory.LastEventMarkFileName));
        var lastWebsite = Sandbox.Options.Websites[^1].Id;
        var missed = await StartConversationAsync("whatsapp", phone: "+351912345602", websiteId: lastWebsite);
        // Every REST answer slow, so that the stop comes while the catch-up is listing.
        await Sandbox.Control.ResetRequestsAsync();
        await Sandbox.Control.FaultsAsync(new SandboxFaults { LatencyMs = 1_500 });

        await StartEngineAsync();
        await Eventually.TrueAsync(async () => (await Sandbox.Control.RequestsAsync()).Count("GET", ListRoute) >= 1, "the catch-up to list");
        await StopEngineAsync();

        // The mark leads the file (the gap tried, with its own bounds, follows it).
        Assert.Equal(mark, File.ReadAllText(Path.Combine(Data.Path, DataDirectory.LastEventMarkFileName)).Split(' ')[0]);
        await Sandbox.Control.ClearFaultsAsync();
        await StartEngineAsync();

        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(missed)).Outcome);
        Assert.Single(await ProfilesAsync(lastWebsite));
    }
}
