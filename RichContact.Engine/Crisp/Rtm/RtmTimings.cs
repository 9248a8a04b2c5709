namespace RichContact.Engine.Crisp.Rtm;

/// <summary>
/// Configuration section <c>RichContact:Rtm</c>: the RTM connection's clocks. Defaults follow Crisp's
/// official clients (reconnect after a few seconds with jitter, forever); tests shorten them.
/// </summary>
public sealed class RtmTimings
{
    public const string Section = "RichContact:Rtm";

    /// <summary>First wait before reconnecting; doubles per failure up to <see cref="MaxReconnectDelaySeconds"/>, with jitter.</summary>
    public double ReconnectDelaySeconds { get; set; } = 1;
    public double MaxReconnectDelaySeconds { get; set; } = 30;

    /// <summary>After this many failed connections in a row, ask Crisp for the endpoint again.</summary>
    public int FailuresBeforeRediscovery { get; set; } = 3;

    /// <summary>Connecting and authenticating must finish within this.</summary>
    public double ConnectTimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// A socket that shows no sign of life (ping, pong, event) for this long is dead even if the
    /// library has not noticed. Engine.IO servers ping every 25 s by default.
    /// </summary>
    public double WatchdogSeconds { get; set; } = 65;

    /// <summary><c>socket:bind</c> is accepted at most once per 2.5 s (docs/crisp.md).</summary>
    public double MinBindIntervalSeconds { get; set; } = 2.5;

    /// <summary>RTM events waiting for the dispatcher at most (<see cref="Events.CrispEventQueue"/>); tests shrink it.</summary>
    public int EventQueueCapacity { get; set; } = 10_000;

    /// <summary>Refusals of the plugin token in a row double the wait (from <see cref="CrispOptions.UnauthorizedRetryMinutes"/>) up to this.</summary>
    public double MaxUnauthorizedRetryMinutes { get; set; } = 10;

    public TimeSpan ReconnectDelay => TimeSpan.FromSeconds(ReconnectDelaySeconds);
    public TimeSpan MaxReconnectDelay => TimeSpan.FromSeconds(MaxReconnectDelaySeconds);
    public TimeSpan ConnectTimeout => TimeSpan.FromSeconds(ConnectTimeoutSeconds);
    public TimeSpan Watchdog => TimeSpan.FromSeconds(WatchdogSeconds);
    public TimeSpan MinBindInterval => TimeSpan.FromSeconds(MinBindIntervalSeconds);

    /// <summary>
    /// The wait after the <paramref name="refusals"/>th refusal in a row: <paramref name="first"/>, doubling,
    /// at most <see cref="MaxUnauthorizedRetryMinutes"/> (or <paramref name="first"/> when it is longer).
    /// </summary>
    public TimeSpan UnauthorizedRetryDelayFor(TimeSpan first, int refusals)
    {
        var cap = Math.Max(first.TotalMilliseconds, TimeSpan.FromMinutes(MaxUnauthorizedRetryMinutes).TotalMilliseconds);
        return TimeSpan.FromMilliseconds(Math.Min(first.TotalMilliseconds * Math.Pow(2, Math.Clamp(refusals - 1, 0, 20)), cap));
    }

    public TimeSpan ReconnectDelayFor(int failures)
    {
        var exponential = ReconnectDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 10));
        var capped = Math.Min(exponential, MaxReconnectDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.75 + Random.Shared.NextDouble() * 0.5));
    }
}
