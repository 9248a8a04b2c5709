using System.Diagnostics;
using RichContact.Sandbox.Conversations;
using RichContact.Sandbox.State;

namespace RichContact.Sandbox;

/// <summary>Plays a <see cref="Traffic.TrafficScript"/> at a steady rate against the sandbox's own websites.</summary>
public sealed class SandboxTraffic : IAsyncDisposable
{
    private readonly ConversationStarter _starter;
    private readonly SandboxState _state;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private CancellationTokenSource? _stop;
    private Task? _loop;
    private long _started;

    internal SandboxTraffic(ConversationStarter starter, SandboxState state, ILogger<SandboxTraffic> logger)
    {
        _starter = starter;
        _state = state;
        _logger = logger;
    }

    public bool IsRunning { get { lock (_lock) return _loop is not null; } }

    /// <summary>Conversations started since the sandbox started.</summary>
    public long ConversationsStarted => Interlocked.Read(ref _started);

    /// <summary>Starts (or restarts) the traffic: <paramref name="ratePerSecond"/> new conversations a second, the same sequence for the same seed.</summary>
    public async Task StartAsync(double ratePerSecond, int seed = 1, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        await StopAsync();
        var script = new Traffic.TrafficScript(seed, _state.Websites().Select(w => w.Id).ToList());
        lock (_lock)
        {
            _stop = new CancellationTokenSource();
            _loop = Task.Run(() => PlayAsync(script, ratePerSecond, _stop.Token), ct);
        }
        _logger.LogInformation("Sandbox traffic started at {Rate}/s with seed {Seed}", ratePerSecond, seed);
    }

    public async Task StopAsync()
    {
        Task? loop;
        CancellationTokenSource? stop;
        lock (_lock)
        {
            (loop, stop, _loop, _stop) = (_loop, _stop, null, null);
        }
        if (stop is null)
            return;
        await stop.CancelAsync();
        try
        {
            await loop!;
        }
        catch (OperationCanceledException)
        {
        }
        stop.Dispose();
    }

    private async Task PlayAsync(Traffic.TrafficScript script, double ratePerSecond, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        for (long n = 0; !ct.IsCancellationRequested; n++)
        {
            // Scheduled against the start time, so that a slow tick is caught up rather than lost.
            var due = TimeSpan.FromSeconds(n / ratePerSecond) - clock.Elapsed;
            if (due > TimeSpan.Zero)
                await Task.Delay(due, ct);
            var request = script.Next();
            if (_starter.Start(request) is not null)
                Interlocked.Increment(ref _started);
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
