using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RichContact.Engine.Backfill;

/// <summary>
/// Keeps runs going across what stops them: at start, a run the previous process left running goes on
/// from its list (a new chain of batch jobs; the old process's queued job ends at once); a run waiting
/// for the budget resumes as soon as the budget's clock passes 00:00 UTC. The Hangfire wake-up job
/// scheduled for then is the durable record, for when this loop is not there to do it.
/// </summary>
internal sealed class BackfillResumer(BackfillRuns runs, BackfillStore store, BackfillAllowance allowance, ILogger<BackfillResumer> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>A run started to wait for the budget.</summary>
    internal void Wake() => _wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var run in await store.WithStatusAsync(BackfillStatus.Running, stoppingToken))
                {
                    if (await runs.BeginAsync(run.Id, [BackfillStatus.Running], "taken up after a restart"))
                        logger.LogInformation("Backfill {RunId} of website {WebsiteId} goes on from where the previous process stopped", run.Id, run.WebsiteId);
                }
                break;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning("Backfill runs could not be read ({ErrorType}); trying again in {Delay:0} s", error.GetType().Name, RetryDelay.TotalSeconds);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var waiting = await store.WithStatusAsync(BackfillStatus.WaitingForBudget, stoppingToken);
                if (waiting.Count == 0)
                {
                    await _wake.Reader.ReadAsync(stoppingToken);
                    continue;
                }
                await allowance.WhenRoomAsync(stoppingToken);
                foreach (var run in waiting)
                    await runs.BeginAsync(run.Id, [BackfillStatus.WaitingForBudget], "resumed with the new day's budget");
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning("Backfill runs waiting for the budget could not be resumed ({ErrorType}); trying again in {Delay:0} s", error.GetType().Name, RetryDelay.TotalSeconds);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }
}
