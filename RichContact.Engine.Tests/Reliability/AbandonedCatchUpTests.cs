using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp.Rtm;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Reliability;

/// <summary>
/// A node that loses RTM while its catch-up is listing (RELIABILITY.md): what it had not caught up is
/// the next holder's, which takes its mark over. It keeps no gap of its own, so that listening again
/// later it does not list a stretch another node has already caught up.
/// </summary>
public class AbandonedCatchUpTests : EngineEndToEndTest
{
    private const string ListRoute = "/v1/website/{website_id}/conversations/{page}";

    [Fact]
    public async Task A_node_that_loses_RTM_mid_catch_up_keeps_no_stale_gap_when_the_attempt_fails()
    {
        var catchUp = Engine.Get<OutageCatchUp>();
        // Every REST answer slow: the attempt's first call is on its way when the term ends.
        await Sandbox.Control.FaultsAsync(new SandboxFaults { LatencyMs = 1_000 });
        await Sandbox.Control.ResetRequestsAsync();

        Engine.Get<IListeningGaps>().MissedSince(DateTimeOffset.UtcNow.AddMinutes(-1));
        await Eventually.TrueAsync(async () => catchUp.KeptGaps.Count == 1 && (await Sandbox.Control.RequestsAsync()).Total >= 1,
            "the catch-up to try the gap and call Crisp");

        // Its term ended (the listener says so when it drops its socket); then the attempt fails.
        Engine.Get<IListeningGaps>().StoppedListening();
        Assert.Null(catchUp.HoldsMarkAt);
        await Sandbox.Control.FaultsAsync(new SandboxFaults { RestStatus = 500, RestCount = 1_000 });

        await Eventually.TrueAsync(() => Logs.Lines.Any(l => l.Contains("Catch-up of the conversations since", StringComparison.Ordinal) && l.Contains("failed", StringComparison.Ordinal)),
            "the attempt to fail");
        Assert.Empty(catchUp.KeptGaps);
        Assert.Null(catchUp.HoldsMarkAt);
        await Sandbox.Control.ClearFaultsAsync();
    }
}
