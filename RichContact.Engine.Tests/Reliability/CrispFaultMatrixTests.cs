using RichContact.Engine.Activity;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Reliability;

/// <summary>
/// Crisp's REST API failing in each way it can: a retry saves the contact when the failure passes,
/// and a failure that does not pass is recorded with its reason, never as a duplicate or a crash.
/// </summary>
public class CrispFaultMatrixTests : EngineEndToEndTest
{
    [Theory]
    [InlineData(500, null)]
    [InlineData(503, null)]
    [InlineData(503, 1)]
    [InlineData(429, null)]
    [InlineData(420, null)]
    [InlineData(420, 1)]
    public async Task Passing_crisp_failure_is_retried_and_the_contact_is_created_once(int status, int? retryAfterSeconds)
    {
        await Sandbox.Control.FaultsAsync(new SandboxFaults { RestStatus = status, RestCount = 2, RetryAfterSeconds = retryAfterSeconds });

        var session = await StartConversationAsync("whatsapp", phone: "+351912345678");

        var outcome = await Activity.OutcomeAsync(session);
        Assert.Equal(ActivityOutcome.Created, outcome.Outcome);
        Assert.Equal(5, outcome.RestCalls); // two refused, then the search, the create and the placeholder's unsubscribe
        Assert.Single(await ProfilesAsync());
        Assert.Single(Activity.For(session));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(429)]
    public async Task Lasting_crisp_failure_is_given_up_with_its_reason_and_no_contact(int status)
    {
        // As many refusals as the client makes attempts (five): every one of them fails.
        await Sandbox.Control.FaultsAsync(new SandboxFaults { RestStatus = status, RestCount = 5 });

        var session = await StartConversationAsync("whatsapp", phone: "+351912345678");

        var outcome = await Activity.OutcomeAsync(session);
        Assert.Equal(ActivityOutcome.Failed, outcome.Outcome);
        Assert.StartsWith($"crisp_{status}", outcome.Reason);
        Assert.Equal(5, outcome.RestCalls);
        Assert.Empty(await ProfilesAsync());
        Assert.Single(Activity.For(session));
        // The engine keeps working: the next conversation gets its contact.
        var next = await StartConversationAsync("whatsapp", phone: "+351912345679");
        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(next)).Outcome);
    }

    [Fact]
    public async Task Crisp_call_that_times_out_is_retried_and_the_contact_is_created_once()
    {
        await Sandbox.Control.ResetRequestsAsync();
        // Longer than the client's 10 s per attempt: the first attempt times out.
        await Sandbox.Control.FaultsAsync(new SandboxFaults { LatencyMs = 12_000 });
        var session = await StartConversationAsync("whatsapp", phone: "+351912345678");
        await Eventually.TrueAsync(async () => (await Sandbox.Control.RequestsAsync()).Total > 0, "the job to call Crisp");
        await Sandbox.Control.FaultsAsync(new SandboxFaults { LatencyMs = 0 });

        var outcome = await Activity.OutcomeAsync(session, TimeSpan.FromSeconds(60));
        Assert.Equal(ActivityOutcome.Created, outcome.Outcome);
        Assert.Single(await ProfilesAsync());
        Assert.Single(Activity.For(session));
    }
}
