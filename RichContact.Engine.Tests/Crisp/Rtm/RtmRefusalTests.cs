using System.Diagnostics;
using RichContact.Engine.Activity;
using RichContact.Engine.Crisp;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Sandbox;

namespace RichContact.Engine.Tests.Crisp.Rtm;

/// <summary>Crisp answers <c>unauthorized</c> once although the keys are right (RELIABILITY.md, issue 11.7).</summary>
public class RtmRefusalTests : EngineEndToEndTest
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    protected override IDictionary<string, string?> EngineSettings => new Dictionary<string, string?>
    {
        ["RichContact:Crisp:UnauthorizedRetryMinutes"] = (RetryAfter.TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task One_spurious_unauthorized_is_tried_again_after_the_refusal_delay_and_reconnects()
    {
        var status = Engine.Get<CrispConnectionStatus>();
        var refused = WaitForStateAsync(status, CrispConnectionState.Unauthorized);
        try
        {
            await Sandbox.Control.FaultsAsync(new SandboxFaults { DropSockets = true, RefuseAuthentications = 1 });
        }
        catch (HttpRequestException error) when (error.StatusCode == System.Net.HttpStatusCode.InternalServerError)
        {
            // The sandbox may answer 500 after aborting the socket (RtmOutageTests.DropSocketsAsync).
        }
        await refused;
        var since = Stopwatch.StartNew();
        Assert.Contains("unauthorized", status.LastError);
        Assert.Contains("trying again", status.LastError); // the portal shows it is not given up

        await WaitForConnectionAsync();

        Assert.True(since.Elapsed >= RetryAfter - TimeSpan.FromMilliseconds(300), $"tried again after {since.Elapsed.TotalSeconds:0.0} s, not after the refusal delay");
        var session = await StartConversationAsync("whatsapp", phone: "+351912345601");
        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(session)).Outcome);
    }
}
