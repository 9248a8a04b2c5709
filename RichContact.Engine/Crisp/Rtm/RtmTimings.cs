namespace RichContact.Engine.Crisp.Rtm;

/// <summary>
/// The RTM connection's clocks. Defaults follow Crisp's official clients (reconnect after a few
/// seconds with jitter, forever); tests shorten them.
/// </summary>
public sealed class RtmTimings
{
    /// <summary>First wait before reconnecting; doubles per failure up to <see cref="MaxReconnectDelay"/>, with jitter.</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>After this many failed connections in a row, ask Crisp for the endpoint again.</summary>
    public int FailuresBeforeRediscovery { get; init; } = 3;

    /// <summary>Connecting and authenticating must finish within this.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// A socket that shows no sign of life (ping, pong, event) for this long is dead even if the
    /// library has not noticed. Engine.IO servers ping every 25 s by default.
    /// </summary>
    public TimeSpan Watchdog { get; init; } = TimeSpan.FromSeconds(65);

    /// <summary>With Web Hooks, how often the last-event mark moves on while the process runs.</summary>
    public TimeSpan HookMarkInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary><c>socket:bind</c> is accepted at most once per 2.5 s (docs/crisp.md).</summary>
    public TimeSpan MinBindInterval { get; init; } = TimeSpan.FromSeconds(2.5);

    /// <summary>How far before the drop the catch-up looks (clock skew, events in flight).</summary>
    public TimeSpan CatchUpMargin { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>RTM events waiting for the dispatcher at most (<see cref="RtmEventQueue"/>); tests shrink it.</summary>
    public int EventQueueCapacity { get; init; } = 10_000;

    /// <summary>A catch-up that failed (not for the budget: that one waits for the next UTC day) is tried again after this, doubling up to <see cref="MaxCatchUpRetryDelay"/>.</summary>
    public TimeSpan CatchUpRetryDelay { get; init; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxCatchUpRetryDelay { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan CatchUpRetryDelayFor(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(CatchUpRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 10)), MaxCatchUpRetryDelay.TotalMilliseconds));

    public TimeSpan ReconnectDelayFor(int failures)
    {
        var exponential = ReconnectDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 10));
        var capped = Math.Min(exponential, MaxReconnectDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.75 + Random.Shared.NextDouble() * 0.5));
    }
}
