using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RichContact.Engine.Crisp.Rtm;

namespace RichContact.Engine.Crisp.Hooks;

/// <summary>
/// The Web Hooks event source, run instead of <see cref="CrispRtmListener"/> when
/// <c>RichContact:Crisp:Events</c> is <c>hooks</c>. There is no socket: Crisp
/// POSTs the events to <c>/crisp/hooks</c> (<see cref="CrispHookReceiver"/>), and retries a delivery
/// that failed. What happened while no process listened is caught up as after an RTM connect, and the
/// last-event mark moves on while this process runs, so that the next one catches up from where this
/// one stopped. Every node receives deliveries, so each keeps its own mark, and takes over, now and
/// every <see cref="HookTimings.MarkInterval"/>, the marks of nodes gone (a delivery answered 200 by a
/// node that died before handling it is caught up from there).
/// </summary>
internal sealed class CrispHookListener(
    IOptions<HookTimings> timings,
    CrispListeningStart start,
    CrispConnectionStatus status,
    IListeningGaps gaps,
    TimeProvider clock,
    ILogger<CrispHookListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await start.PrepareAsync(stoppingToken);
        status.Source = CrispEventSource.Hooks;
        status.Set(CrispConnectionState.Connected);
        logger.LogInformation("Listening to Crisp's Web Hooks at /crisp/hooks (RichContact:Crisp:Events = hooks): no RTM connection");
        gaps.Listening();
        while (!stoppingToken.IsCancellationRequested)
        {
            gaps.TakeOverMissed(everyOtherListener: false); // before the first mark: it holds what it takes over
            gaps.HeardUntil(clock.GetUtcNow());
            try { await Task.Delay(timings.Value.MarkInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
        gaps.HeardUntil(clock.GetUtcNow());
        status.Set(CrispConnectionState.NotStarted);
    }
}
