using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using RichContact.Sandbox.State;

namespace RichContact.Sandbox.Hooks;

/// <summary>POSTs every delivered event to the configured hook URL, signed, retrying failed deliveries.</summary>
internal sealed class HookDispatcher(SandboxOptions options, SandboxState state, ILogger<HookDispatcher> logger) : BackgroundService
{
    public const string HookOrigin = "plugin";
    private const int Workers = 4;

    private sealed record Delivery(string Body, string Timestamp, int Attempt);

    private readonly Channel<Delivery> _queue = Channel.CreateUnbounded<Delivery>();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private long _delivered;
    private long _failed;
    private long _pending;

    public long Delivered => Interlocked.Read(ref _delivered);
    /// <summary>Deliveries given up after the last attempt.</summary>
    public long Failed => Interlocked.Read(ref _failed);
    /// <summary>Deliveries not yet answered nor given up (waiting for an attempt or a retry).</summary>
    public long Pending => Interlocked.Read(ref _pending);

    public void Enqueue(string websiteId, string name, JsonObject payload)
    {
        if (string.IsNullOrEmpty(options.HookUrl))
            return;
        var timestamp = UnixTime.NowMs();
        var body = new JsonObject
        {
            ["website_id"] = websiteId,
            ["event"] = name,
            ["data"] = payload.DeepClone(),
            ["timestamp"] = timestamp,
        }.ToJsonString(Json.Wire);
        Interlocked.Increment(ref _pending);
        _queue.Writer.TryWrite(new Delivery(body, timestamp.ToString(CultureInfo.InvariantCulture), 1));
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var delivery in _queue.Reader.ReadAllAsync(ct))
            {
                if (await TryDeliverAsync(delivery, ct))
                {
                    Interlocked.Increment(ref _delivered);
                    Interlocked.Decrement(ref _pending);
                }
                else if (delivery.Attempt < options.HookAttemptLimit)
                    _ = RetryLaterAsync(Again(delivery), ct);
                else
                {
                    Interlocked.Increment(ref _failed);
                    Interlocked.Decrement(ref _pending);
                    logger.LogWarning("Web hook delivery abandoned after {Attempts} attempts", delivery.Attempt);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// The next attempt. Signed anew, its timestamp is later than the last one's even within the same
    /// millisecond: the same timestamp would make the same signature.
    /// </summary>
    private Delivery Again(Delivery delivery) => delivery with
    {
        Attempt = delivery.Attempt + 1,
        Timestamp = options.HookRedelivery == HookRedeliveries.Fresh
            ? Math.Max(UnixTime.NowMs(), long.Parse(delivery.Timestamp, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture)
            : delivery.Timestamp,
    };

    private async Task RetryLaterAsync(Delivery delivery, CancellationToken ct)
    {
        try
        {
            await Task.Delay(options.HookRetryDelayMs * (delivery.Attempt - 1), ct);
            _queue.Writer.TryWrite(delivery);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<bool> TryDeliverAsync(Delivery delivery, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.HookUrl)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Crisp-Request-Timestamp", delivery.Timestamp);
        request.Headers.Add("X-Crisp-Signature", HookSignature.Sign(options.HookSecret ?? "", delivery.Timestamp, delivery.Body));
        request.Headers.Add("X-Crisp-Hook-Origin", HookOrigin);
        request.Headers.Add("X-Delivery-Attempt-Count", delivery.Attempt.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Delivery-Attempt-Limit", options.HookAttemptLimit.ToString(CultureInfo.InvariantCulture));
        try
        {
            using var response = await _http.SendAsync(request, ct);
            return response.IsSuccessStatusCode && !state.Faults.TryTakeLostHookAnswer();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }
}
