using System.Text.Json.Nodes;
using RichContact.Sandbox.Events;
using RichContact.Sandbox.Hooks;
using RichContact.Testing;

namespace RichContact.Sandbox.Tests.Hooks;

public sealed class HookTests : IAsyncLifetime
{
    private const string Secret = "hook-test-secret";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private StubHttpServer _receiver = null!;

    public async Task InitializeAsync()
    {
        _receiver = await StubHttpServer.StartAsync();
        // A web-hook receiver answers with a bare status; a test that wants failures scripts them.
        _receiver.Otherwise = StubHttpServer.Status(200);
    }

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private string HookUrl => _receiver.BaseUrl + "/hooks";

    private Task<CrispSandbox> StartSandboxAsync() =>
        CrispSandbox.StartAsync(new SandboxOptions { HookUrl = HookUrl, HookSecret = Secret, HookRetryDelayMs = 50 });

    /// <summary>The next delivery, which must be a POST to the configured hook URL.</summary>
    private async Task<StubRequest> NextAsync()
    {
        var hook = await _receiver.NextAsync(Timeout);
        Assert.Equal(("POST", "/hooks"), (hook.Method, hook.Path));
        return hook;
    }

    [Fact]
    public void Signature_reproduces_crisps_test_vector()
    {
        const string body = """{"website_id":"42286ab3-b29a-4fde-8538-da0ae501d825","event":"message:send","data":{"website_id":"42286ab3-b29a-4fde-8538-da0ae501d825","session_id":"session_36ba3566-9651-4790-afc8-ffedbccc317f","type":"text","content":"Hey :)","from":"user","origin":"chat","timestamp":1506985696616,"fingerprint":150698569649423},"timestamp":1506985696616}""";
        Assert.Equal("8cdc8f94272142ceb7bb2feb29c90ea692b11b777db0db5aaddb66c7f1fd48d6",
            HookSignature.Sign("914a657d8cc2efbc20593f1806f9bde2", "1506985696620", body));
    }

    [Fact]
    public async Task Every_event_is_posted_signed_with_crisps_headers()
    {
        await using var sandbox = await StartSandboxAsync();
        var websiteId = sandbox.Options.Websites[0].Id;

        var sessionId = await sandbox.Control.StartConversationAsync(new StartConversationRequest { WebsiteId = websiteId, Origin = "whatsapp", Phone = "+351912345678", Message = "Olá" });

        var events = new List<(StubRequest Hook, JsonObject Body)>();
        for (var i = 0; i < 3; i++)
        {
            var hook = await NextAsync();
            events.Add((hook, JsonNode.Parse(hook.BodyText)!.AsObject()));
        }
        // Four workers post in parallel, so arrival order is not the emission order.
        Assert.Equal(new[] { CrispEvents.SetPhone, CrispEvents.SetOrigin, CrispEvents.MessageSend }.Order(),
            events.Select(e => e.Body["event"]!.GetValue<string>()).Order());
        var (message, body) = events.Single(e => e.Body["event"]!.GetValue<string>() == CrispEvents.MessageSend);
        Assert.Equal(websiteId, body["website_id"]!.GetValue<string>());
        Assert.Equal(sessionId, body["data"]!["session_id"]!.GetValue<string>());
        Assert.Equal("Olá", body["data"]!["content"]!.GetValue<string>());
        Assert.True(body["timestamp"]!.GetValue<long>() > 0);

        var timestamp = message.Headers["X-Crisp-Request-Timestamp"];
        Assert.Equal(HookSignature.Sign(Secret, timestamp, message.BodyText), message.Headers["X-Crisp-Signature"]);
        Assert.Equal(HookDispatcher.HookOrigin, message.Headers["X-Crisp-Hook-Origin"]);
        Assert.Equal("1", message.Headers["X-Delivery-Attempt-Count"]);
        Assert.Equal(sandbox.Options.HookAttemptLimit.ToString(), message.Headers["X-Delivery-Attempt-Limit"]);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_with_the_same_signed_body()
    {
        await using var sandbox = await StartSandboxAsync();
        _receiver.Answers.Enqueue(StubHttpServer.Status(500));

        await sandbox.Control.SeedProfileAsync(sandbox.Options.Websites[0].Id, new JsonObject { ["email"] = "ana@example.com" });

        var first = await NextAsync();
        var retry = await NextAsync();
        Assert.Equal("1", first.Headers["X-Delivery-Attempt-Count"]);
        Assert.Equal("2", retry.Headers["X-Delivery-Attempt-Count"]);
        Assert.Equal(first.Body, retry.Body);
        Assert.Equal(first.Headers["X-Crisp-Signature"], retry.Headers["X-Crisp-Signature"]);
        Assert.Equal(CrispEvents.ProfileCreated, JsonNode.Parse(retry.BodyText)!["event"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delivery_stops_at_the_attempt_limit()
    {
        await using var sandbox = await StartSandboxAsync();
        _receiver.Otherwise = StubHttpServer.Status(500);

        await sandbox.Control.SeedProfileAsync(sandbox.Options.Websites[0].Id, new JsonObject { ["email"] = "ana@example.com" });

        for (var attempt = 1; attempt <= sandbox.Options.HookAttemptLimit; attempt++)
            Assert.Equal(attempt.ToString(), (await NextAsync()).Headers["X-Delivery-Attempt-Count"]);
        Assert.Null(await _receiver.TryNextAsync(TimeSpan.FromMilliseconds(500))); // no attempt past the limit
    }
}
