using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RichContact.Sandbox.Events;
using RichContact.Sandbox.Hooks;

namespace RichContact.Sandbox.Tests;

public sealed class HookTests : IAsyncLifetime
{
    private const string Secret = "hook-test-secret";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private sealed record Received(Dictionary<string, string> Headers, string Body);

    private readonly ConcurrentQueue<Received> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _failuresToAnswer;
    private WebApplication _receiver = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _receiver = builder.Build();
        _receiver.MapPost("/hooks", async (HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            _received.Enqueue(new Received(request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
            _arrived.Release();
            return Interlocked.Decrement(ref _failuresToAnswer) >= 0 ? Results.StatusCode(500) : Results.Ok();
        });
        await _receiver.StartAsync();
    }

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private string HookUrl => _receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hooks";

    private Task<CrispSandbox> StartSandboxAsync() =>
        CrispSandbox.StartAsync(new SandboxOptions { HookUrl = HookUrl, HookSecret = Secret, HookRetryDelayMs = 50 });

    private async Task<Received> NextAsync()
    {
        Assert.True(await _arrived.WaitAsync(Timeout), "no web hook arrived");
        Assert.True(_received.TryDequeue(out var received));
        return received;
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

        var events = new List<(Received Hook, JsonObject Body)>();
        for (var i = 0; i < 3; i++)
        {
            var hook = await NextAsync();
            events.Add((hook, JsonNode.Parse(hook.Body)!.AsObject()));
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
        Assert.Equal(HookSignature.Sign(Secret, timestamp, message.Body), message.Headers["X-Crisp-Signature"]);
        Assert.Equal(HookDispatcher.HookOrigin, message.Headers["X-Crisp-Hook-Origin"]);
        Assert.Equal("1", message.Headers["X-Delivery-Attempt-Count"]);
        Assert.Equal(sandbox.Options.HookAttemptLimit.ToString(), message.Headers["X-Delivery-Attempt-Limit"]);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_with_the_same_signed_body()
    {
        await using var sandbox = await StartSandboxAsync();
        _failuresToAnswer = 1;

        await sandbox.Control.SeedProfileAsync(sandbox.Options.Websites[0].Id, new JsonObject { ["email"] = "ana@example.com" });

        var first = await NextAsync();
        var retry = await NextAsync();
        Assert.Equal("1", first.Headers["X-Delivery-Attempt-Count"]);
        Assert.Equal("2", retry.Headers["X-Delivery-Attempt-Count"]);
        Assert.Equal(first.Body, retry.Body);
        Assert.Equal(first.Headers["X-Crisp-Signature"], retry.Headers["X-Crisp-Signature"]);
        Assert.Equal(CrispEvents.ProfileCreated, JsonNode.Parse(retry.Body)!["event"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delivery_stops_at_the_attempt_limit()
    {
        await using var sandbox = await StartSandboxAsync();
        _failuresToAnswer = 100;

        await sandbox.Control.SeedProfileAsync(sandbox.Options.Websites[0].Id, new JsonObject { ["email"] = "ana@example.com" });

        for (var attempt = 1; attempt <= sandbox.Options.HookAttemptLimit; attempt++)
            Assert.Equal(attempt.ToString(), (await NextAsync()).Headers["X-Delivery-Attempt-Count"]);
        Assert.False(await _arrived.WaitAsync(TimeSpan.FromMilliseconds(500)), "no attempt past the limit");
    }
}
