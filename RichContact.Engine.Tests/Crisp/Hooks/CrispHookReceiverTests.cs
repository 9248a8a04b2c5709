using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RichContact.Engine.Crisp;
using RichContact.Engine.Crisp.Events;
using RichContact.Engine.Crisp.Hooks;
using RichContact.Engine.Nodes;
using RichContact.Sandbox.Hooks;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Crisp.Hooks;

/// <summary>Web Hooks as Crisp sends them (signed by the sandbox's signer), and as an attacker would.</summary>
public class CrispHookReceiverTests
{
    private const string Secret = "914a657d8cc2efbc20593f1806f9bde2";

    private readonly ManualClock _clock = new(DateTimeOffset.FromUnixTimeMilliseconds(1_764_480_000_000));
    private readonly CrispEventQueue _queue = new(NullLogger<CrispEventQueue>.Instance);
    private readonly CapturingLoggerProvider _logs = new();
    private readonly CrispHookReceiver _receiver;

    public CrispHookReceiverTests() =>
        _receiver = new CrispHookReceiver(Options.Create(new CrispOptions { HookSecret = Secret }),
            _queue, _clock, new Logger<CrispHookReceiver>(new LoggerFactory([_logs])), new ProcessHookSignatures(_clock));

    private string Now => _clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static string Body(string eventName = "message:send", string phone = "+351912345678") =>
        $$"""{"website_id":"42286ab3-b29a-4fde-8538-da0ae501d825","event":"{{eventName}}","data":{"website_id":"42286ab3-b29a-4fde-8538-da0ae501d825","session_id":"session_1","phone":"{{phone}}"},"timestamp":1}""";

    private HookDelivery Deliver(string body, string timestamp, string? signature = null) =>
        _receiver.ReceiveAsync(Encoding.UTF8.GetBytes(body), timestamp, signature ?? HookSignature.Sign(Secret, timestamp, body)).GetAwaiter().GetResult();

    [Fact]
    public void Crisps_test_vector_verifies()
    {
        const string body = """{"website_id":"42286ab3-b29a-4fde-8538-da0ae501d825","event":"message:send","data":{"website_id":"42286ab3-b29a-4fde-8538-da0ae501d825","session_id":"session_36ba3566-9651-4790-afc8-ffedbccc317f","type":"text","content":"Hey :)","from":"user","origin":"chat","timestamp":1506985696616,"fingerprint":150698569649423},"timestamp":1506985696616}""";

        Assert.True(CrispHookSignature.IsValid(Secret, "1506985696620", Encoding.UTF8.GetBytes(body),
            "8cdc8f94272142ceb7bb2feb29c90ea692b11b777db0db5aaddb66c7f1fd48d6"));
        Assert.False(CrispHookSignature.IsValid(Secret, "1506985696621", Encoding.UTF8.GetBytes(body),
            "8cdc8f94272142ceb7bb2feb29c90ea692b11b777db0db5aaddb66c7f1fd48d6"));
    }

    [Fact]
    public void Signed_fresh_delivery_puts_its_event_in_the_engines_queue()
    {
        Assert.Equal(HookDelivery.Accepted, Deliver(Body(), Now));

        Assert.True(_queue.Reader.TryRead(out var posted));
        Assert.Equal("message:send", posted.Name);
        Assert.Equal("session_1", posted.Payload.GetProperty("session_id").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-hex")]
    [InlineData("8cdc8f94272142ceb7bb2feb29c90ea692b11b777db0db5aaddb66c7f1fd48d6")]
    public async Task Wrong_or_missing_signature_is_refused_and_logged_without_the_body(string? signature)
    {
        Assert.Equal(HookDelivery.Refused, await _receiver.ReceiveAsync(Encoding.UTF8.GetBytes(Body()), Now, signature));

        Assert.False(_queue.Reader.TryRead(out _));
        Assert.Contains(_logs.Lines, l => l.Contains("Refused a Web Hooks request"));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains("912345678") || l.Contains("session_1"));
    }

    [Fact]
    public void Body_changed_after_signing_is_refused()
    {
        var timestamp = Now;
        var signature = HookSignature.Sign(Secret, timestamp, Body());

        Assert.Equal(HookDelivery.Refused, Deliver(Body(phone: "+351900000000"), timestamp, signature));
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public void Timestamp_more_than_five_minutes_away_is_refused(int minutes)
    {
        var timestamp = _clock.GetUtcNow().AddMinutes(minutes).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        Assert.Equal(HookDelivery.Refused, Deliver(Body(), timestamp));
        Assert.False(_queue.Reader.TryRead(out _));
    }

    [Fact]
    public void Redelivery_of_one_event_is_answered_but_handled_once()
    {
        var timestamp = Now;
        Assert.Equal(HookDelivery.Accepted, Deliver(Body(), timestamp));
        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(HookDelivery.Repeated, Deliver(Body(), timestamp));

        Assert.True(_queue.Reader.TryRead(out _));
        Assert.False(_queue.Reader.TryRead(out _));
    }

    [Fact]
    public void Signed_body_without_an_event_is_answered_and_ignored()
    {
        Assert.Equal(HookDelivery.Unreadable, Deliver("""{"website_id":"w"}""", Now));
        Assert.Equal(HookDelivery.Unreadable, Deliver("not json", Now));

        Assert.False(_queue.Reader.TryRead(out _));
    }
}
