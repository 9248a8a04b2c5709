using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using RichContact.Engine.Activity;

namespace RichContact.Bench;

/// <summary>
/// The engine does not expose the scheduler's lateness, but Hangfire's own state history does: the
/// Scheduled state holds the fallback due time, and the Enqueued and Processing states are stamped
/// when the job was moved to the queue (by the tracker's window-end timer or the schedule poller) and
/// when a worker started it. Read through Hangfire's monitoring API (the same
/// data its dashboard shows) for the most recent succeeded jobs.
/// </summary>
public static class SchedulerTimings
{
    public static IReadOnlyList<JobTiming> Read(JobStorage storage, IReadOnlyDictionary<string, ActivityEntry> entriesBySession,
        TimeSpan window, int maxJobs)
    {
        var monitoring = storage.GetMonitoringApi();
        var timings = new List<JobTiming>();
        foreach (var (jobId, _) in SucceededJobs(monitoring, maxJobs))
        {
            var details = monitoring.JobDetails(jobId);
            if (details?.Job?.Args is not { Count: >= 2 } args || args[1] is not string sessionId
                || !entriesBySession.TryGetValue(sessionId, out var entry) || entry.FirstMessageAt is not { } firstMessage)
                continue;
            var history = details.History ?? [];
            var scheduled = history.FirstOrDefault(h => h.StateName == ScheduledState.StateName);
            var enqueued = history.FirstOrDefault(h => h.StateName == EnqueuedState.StateName);
            var processing = history.FirstOrDefault(h => h.StateName == ProcessingState.StateName);
            if (scheduled?.Data is null || !scheduled.Data.TryGetValue("EnqueueAt", out var enqueueAt) || enqueued is null || processing is null)
                continue;

            var fallbackDue = new DateTimeOffset(JobHelper.DeserializeDateTime(enqueueAt), TimeSpan.Zero);
            var windowEnd = firstMessage + window;
            var enqueuedAt = Utc(enqueued.CreatedAt);
            var startedAt = Utc(processing.CreatedAt);
            timings.Add(new JobTiming(
                RoundingMs: (fallbackDue - windowEnd).TotalMilliseconds,
                EnqueueDelayMs: (enqueuedAt - windowEnd).TotalMilliseconds,
                QueuePickupMs: (startedAt - enqueuedAt).TotalMilliseconds,
                LatenessMs: (startedAt - windowEnd).TotalMilliseconds,
                RunMs: (entry.At - startedAt).TotalMilliseconds,
                EnqueuedAt: enqueuedAt));
        }
        return timings;
    }

    /// <summary>
    /// The storage's commits are not atomic (one autocommit per command), so while a backlog is still
    /// being worked off a job can be "Succeeded" before its state row exists, and the listing throws.
    /// A few tries, then no sample rather than no report.
    /// </summary>
    private static List<KeyValuePair<string, Hangfire.Storage.Monitoring.SucceededJobDto>> SucceededJobs(Hangfire.Storage.IMonitoringApi monitoring, int maxJobs)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return monitoring.SucceededJobs(0, maxJobs).ToList();
            }
            catch (NullReferenceException) when (attempt < 3)
            {
                Thread.Sleep(200);
            }
            catch (NullReferenceException)
            {
                return [];
            }
        }
    }

    /// <summary>Jobs moved to the queue per second between the first and the last move of the sample.</summary>
    public static double PollerThroughput(IReadOnlyList<JobTiming> jobs)
    {
        if (jobs.Count < 2)
            return 0;
        var span = jobs.Max(j => j.EnqueuedAt) - jobs.Min(j => j.EnqueuedAt);
        return span <= TimeSpan.Zero ? 0 : jobs.Count / span.TotalSeconds;
    }

    /// <summary>Hangfire's counters, as its dashboard shows them.</summary>
    public static string Statistics(JobStorage storage)
    {
        var monitoring = storage.GetMonitoringApi();
        var s = monitoring.GetStatistics();
        // Queue rows: waiting for a worker, or taken by one (invisible to others until the storage's
        // InvisibilityTimeout, 30 min, if that worker never finishes them).
        var queue = $"queue rows waiting {monitoring.EnqueuedCount(EnqueuedState.DefaultQueue)}, fetched {monitoring.FetchedCount(EnqueuedState.DefaultQueue)}";
        return $"scheduled {s.Scheduled}, enqueued {s.Enqueued}, processing {s.Processing}, succeeded {s.Succeeded}, failed {s.Failed}, retries {s.Retries}; {queue}";
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
