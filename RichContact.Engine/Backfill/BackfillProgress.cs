using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RichContact.Engine.Backfill;

/// <summary>
/// How fast each running backfill goes, in memory: the rate over the last two minutes gives the time
/// left the portal shows, and a progress line goes to the log every
/// <see cref="BackfillOptions.ProgressLogSeconds"/> (ids and counts only).
/// </summary>
public sealed class BackfillProgress(IOptions<BackfillOptions> options, ILogger<BackfillProgress> logger)
{
    private static readonly long Window = 120_000;

    private readonly ConcurrentDictionary<long, Samples> _runs = new();

    private sealed class Samples
    {
        public readonly Queue<(long At, int Done)> Queue = new();
        public long LoggedAt = long.MinValue;
    }

    /// <summary>The run as it now stands, from its batch job: a sample of its rate, and the log line when it is due (or <paramref name="force"/>d).</summary>
    internal void Report(BackfillRun run, bool force = false)
    {
        var now = Environment.TickCount64;
        var samples = _runs.GetOrAdd(run.Id, _ => new Samples());
        bool log;
        lock (samples)
        {
            if (run.Status == BackfillStatus.Running)
            {
                samples.Queue.Enqueue((now, run.Done));
                while (samples.Queue.Count > 2 && now - samples.Queue.Peek().At > Window)
                    samples.Queue.Dequeue();
            }
            else
                samples.Queue.Clear(); // a pause or a wait is not speed
            log = force || now - samples.LoggedAt >= options.Value.ProgressLogSeconds * 1000L;
            if (log)
                samples.LoggedAt = now;
        }
        if (log)
            logger.LogInformation("Backfill {RunId} of website {WebsiteId}: {Status}, {Done} of {Total} conversations ({Created} created, {Existing} existing, {Skipped} skipped, {Failed} failed, {HadOutcome} had an outcome), {CrispCalls} Crisp calls{WouldCreate}{Listing}{TimeLeft}",
                run.Id, run.WebsiteId, run.Status, run.Done, run.Total, run.Created, run.Existing, run.Skipped, run.Failed, run.HadOutcome, run.CrispCalls,
                run.WouldCreate > 0 ? $", {run.WouldCreate} would create (preview only)" : "",
                run.Listed ? "" : ", still listing", TimeLeft(run) is { } left ? $", about {Math.Ceiling(left.TotalMinutes):0} min left" : "");
        if (run.Status is BackfillStatus.Done or BackfillStatus.Cancelled)
            _runs.TryRemove(run.Id, out _);
    }

    /// <summary>Conversations a minute over the last two minutes of running; null before two samples.</summary>
    public double? PerMinute(long runId)
    {
        if (!_runs.TryGetValue(runId, out var samples))
            return null;
        lock (samples)
        {
            if (samples.Queue.Count < 2)
                return null;
            var (firstAt, firstDone) = samples.Queue.Peek();
            var (lastAt, lastDone) = samples.Queue.Last();
            return lastAt > firstAt ? (lastDone - firstDone) * 60_000.0 / (lastAt - firstAt) : null;
        }
    }

    /// <summary>The time the conversations listed so far still need at the current rate; null when unknown.</summary>
    public TimeSpan? TimeLeft(BackfillRun run) =>
        run.Status == BackfillStatus.Running && PerMinute(run.Id) is double perMinute and > 0
            ? TimeSpan.FromMinutes(Math.Max(0, run.Total - run.Done) / perMinute)
            : null;
}
