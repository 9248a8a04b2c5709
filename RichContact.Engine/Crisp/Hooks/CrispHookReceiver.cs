using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RichContact.Engine.Crisp.Events;
using RichContact.Engine.Nodes;

namespace RichContact.Engine.Crisp.Hooks;

/// <summary>
/// Receives Crisp's Web Hooks: checks the signature in constant time over the raw body, refuses a
/// timestamp more than <see cref="MaxAge"/> away from now (a captured request replayed later), takes
/// each signed delivery once (Crisp sends a delivery it thinks failed again, with the same signature),
/// and posts its event into the same <see cref="CrispEventQueue"/> the RTM socket feeds. The payload
/// is personal data: nothing of it is logged. The signatures taken are kept by <see cref="IHookSignatures"/>:
/// with several nodes, every node's, so that a repeat delivered to another node is answered as a repeat too.
/// </summary>
public sealed class CrispHookReceiver(IOptions<CrispOptions> options, CrispEventQueue queue, TimeProvider clock, ILogger<CrispHookReceiver> logger,
    IHookSignatures taken)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private long _accepted;
    private long _repeated;

    /// <summary>Deliveries taken, and answered as repeats, since the start.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);
    public long Repeated => Interlocked.Read(ref _repeated);

    public async Task<HookDelivery> ReceiveAsync(ReadOnlyMemory<byte> body, string? timestamp, string? signature, CancellationToken ct = default)
    {
        if (Check(body.Span, timestamp, signature) is { } verdict)
            return verdict;
        try
        {
            // A repeat is older than MaxAge by the time its signature is forgotten.
            if (!await taken.TryTakeAsync(signature!, MaxAge * 2, ct))
                return Repeat(timestamp);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Not taken, not handled: Crisp sends it again, to this node or another.
            logger.LogWarning("Could not record a Web Hooks delivery as taken ({ErrorType}): answered 503 for Crisp to send it again", error.GetType().Name);
            return HookDelivery.Unavailable;
        }
        return Take(body.Span);
    }

    private HookDelivery Repeat(string? timestamp)
    {
        logger.LogInformation("Web Hooks delivery signed at {Timestamp} already taken: answered, not handled again", timestamp);
        Interlocked.Increment(ref _repeated);
        return HookDelivery.Repeated;
    }

    /// <summary>Refused for its signature or its age; null when it may be taken.</summary>
    private HookDelivery? Check(ReadOnlySpan<byte> body, string? timestamp, string? signature)
    {
        if (options.Value.HookSecret is not { Length: > 0 } secret
            || timestamp is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var sentAtMs)
            || !CrispHookSignature.IsValid(secret, timestamp, body, signature))
        {
            logger.LogWarning("Refused a Web Hooks request: missing or wrong signature ({Bytes} bytes)", body.Length);
            return HookDelivery.Refused;
        }
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(sentAtMs, 0, 253402300799999));
        if (age.Duration() > MaxAge)
        {
            logger.LogWarning("Refused a Web Hooks request signed {Age:0} s away from now (at most {MaxAge:0} s)", age.TotalSeconds, MaxAge.TotalSeconds);
            return HookDelivery.Refused;
        }
        return null;
    }

    private HookDelivery Take(ReadOnlySpan<byte> body)
    {
        RawCrispEvent? rtmEvent;
        try
        {
            rtmEvent = Event(JsonDocument.Parse(body.ToArray()).RootElement);
        }
        catch (JsonException)
        {
            rtmEvent = null;
        }
        if (rtmEvent is null)
        {
            logger.LogWarning("Ignored a signed Web Hooks request that carries no event ({Bytes} bytes)", body.Length);
            return HookDelivery.Unreadable;
        }
        Interlocked.Increment(ref _accepted);
        queue.Post(rtmEvent.Value);
        return HookDelivery.Accepted;
    }

    /// <summary><c>{"website_id", "event", "data": {RTM's payload}, "timestamp"}</c> as the RTM event it carries.</summary>
    private static RawCrispEvent? Event(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("event", out var name) && name.ValueKind == JsonValueKind.String
        && root.TryGetProperty("data", out var data)
            ? new RawCrispEvent(name.GetString()!, data.Clone())
            : null;
}
