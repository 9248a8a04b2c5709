using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Contacts;

/// <summary>
/// Schedules a conversation's <see cref="CreateContactJob"/> in Hangfire, losing none when Hangfire's
/// storage refuses it (disk full, database locked past its busy timeout): such a conversation is held
/// in memory — ids, channel and first-message time, nothing personal — and scheduled again with
/// backoff until the storage accepts it. While some are held, new conversations join them without
/// trying the storage: each try can block for the storage's busy timeout, and RTM events wait behind it.
/// A process that stops meanwhile loses the held ones from memory, so <see cref="EarliestHeldAt"/>
/// holds back the RTM last-event mark and the next process catches them up over REST.
/// A run whose budget is spent is scheduled again here too (<see cref="IContactRunSchedule"/>).
/// </summary>
public sealed class ContactJobScheduler(
    IBackgroundJobClient jobs,
    StorageStatus storage,
    IOptions<CollectionWindowOptions> options,
    IOptions<ContactJobOptions> contactJobs,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<ContactJobScheduler> logger) : IContactRunSchedule
{
    private readonly ContactJobOptions _settings = contactJobs.Value;
    private readonly Lock _gate = new();
    private readonly Dictionary<ConversationKey, TrackedConversation> _held = [];
    private bool _retrying;
    private bool _warnedFull;
    private int _heldThisOutage;

    /// <summary>
    /// Raised with the first-message time of a conversation the full holder could not keep (under the
    /// scheduler's lock): a catch-up from then lists it again once the storage accepts jobs.
    /// </summary>
    public event Action<DateTimeOffset>? Overflowed;

    public int HeldCount
    {
        get { lock (_gate) return _held.Count; }
    }

    /// <summary>The first-message time of the oldest held conversation; null when none is held.</summary>
    public DateTimeOffset? EarliestHeldAt
    {
        get { lock (_gate) return _held.Count == 0 ? null : _held.Values.Min(c => c.FirstMessageAt); }
    }

    /// <summary>
    /// Schedules the job (<paramref name="jobId"/> set) or holds the conversation (<paramref name="jobId"/>
    /// null). False only when the storage refused and the holder is full: the caller forgets the
    /// conversation, so that its next visitor message or an outage catch-up tries it again.
    /// </summary>
    public bool TrySchedule(ConversationKey conversation, TrackedConversation tracked, out string? jobId)
    {
        jobId = null;
        lock (_gate)
        {
            if (_held.Count > 0)
            {
                logger.LogWarning("Conversation {SessionId} of website {WebsiteId} held: the job storage is still failing", conversation.SessionId, conversation.WebsiteId);
                return Hold(conversation, tracked);
            }
        }
        try
        {
            jobId = ScheduleJob(conversation, tracked, _settings.Fallback);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            storage.Failed(StorageFile.JobStorage, error);
            // The type only: some exception messages quote the data they choked on.
            logger.LogError("Could not schedule the contact job of conversation {SessionId} of website {WebsiteId}: job storage failed with {ErrorType} ({Hint}). The conversation is held and scheduled as soon as the storage accepts it.",
                conversation.SessionId, conversation.WebsiteId, error.GetBaseException().GetType().Name, StorageFailure.Hint);
            lock (_gate) return Hold(conversation, tracked);
        }
    }

    /// <summary>Some time in the first ten minutes of the new budget, so that the websites' waiting runs do not all start at once.</summary>
    public void RunWhenBudgetResumes(ConversationKey conversation, DateTimeOffset resumesAt) =>
        jobs.Schedule<CreateContactJob>(job => job.RunAsync(conversation.WebsiteId, conversation.SessionId, null, CancellationToken.None),
            resumesAt.AddSeconds(Random.Shared.Next(1, 600)));

    private string ScheduleJob(ConversationKey conversation, TrackedConversation tracked, TimeSpan afterWindow)
    {
        var due = JobDueTime.After(tracked.FirstMessageAt, options.Value.CollectionWindow + afterWindow);
        var jobId = jobs.Schedule<CreateContactJob>(job => job.RunAsync(conversation.WebsiteId, conversation.SessionId, null, CancellationToken.None), due);
        storage.Succeeded(StorageFile.JobStorage);
        return jobId;
    }

    /// <summary>Under <see cref="_gate"/>.</summary>
    private bool Hold(ConversationKey conversation, TrackedConversation tracked)
    {
        if (_held.Count >= _settings.HeldCapacity)
        {
            if (!_warnedFull)
                logger.LogWarning("{Capacity} conversations are held while the job storage fails: further ones are not held; a catch-up from the first of them lists them again (and their next visitor message tries them)",
                    _settings.HeldCapacity);
            _warnedFull = true;
            Overflowed?.Invoke(tracked.FirstMessageAt);
            return false;
        }
        _held[conversation] = tracked;
        _heldThisOutage++;
        if (!_retrying)
        {
            _retrying = true;
            _ = Task.Run(RetryAsync);
        }
        return true;
    }

    /// <summary>Schedules the held conversations, oldest first, waiting 1 s, then doubling to 30 s (<see cref="ContactJobOptions.HoldRetrySeconds"/>), between rounds that fail.</summary>
    private async Task RetryAsync()
    {
        var delay = _settings.HoldRetry;
        while (true)
        {
            try
            {
                await Task.Delay(delay, clock, lifetime.ApplicationStopping);
            }
            catch (OperationCanceledException)
            {
                logger.LogWarning("Stopping with {Count} held conversations not scheduled; the next process catches them up from {File}",
                    HeldCount, DataDirectory.LastEventMarkFileName);
                return;
            }
            var progressed = ScheduleHeld();
            lock (_gate)
            {
                if (_held.Count == 0)
                {
                    logger.LogInformation("Job storage accepts jobs again: scheduled the {Count} conversations held meanwhile", _heldThisOutage);
                    _retrying = false;
                    _warnedFull = false;
                    _heldThisOutage = 0;
                    return;
                }
            }
            delay = progressed ? _settings.HoldRetry : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _settings.MaxHoldRetry.Ticks));
        }
    }

    /// <summary>True when at least one was scheduled; stops at the first refusal.</summary>
    private bool ScheduleHeld()
    {
        List<KeyValuePair<ConversationKey, TrackedConversation>> held;
        lock (_gate) held = _held.OrderBy(c => c.Value.FirstMessageAt).ToList();
        var progressed = false;
        foreach (var (conversation, tracked) in held)
        {
            try
            {
                // Not run in process (nothing waits for its window to end): due at the window's end.
                ScheduleJob(conversation, tracked, TimeSpan.Zero);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                storage.Failed(StorageFile.JobStorage, error);
                logger.LogDebug("Job storage still failing ({ErrorType}); {Count} conversations held", error.GetBaseException().GetType().Name, HeldCount);
                return progressed;
            }
            logger.LogDebug("Held conversation {SessionId} of website {WebsiteId} scheduled", conversation.SessionId, conversation.WebsiteId);
            lock (_gate) _held.Remove(conversation);
            progressed = true;
        }
        return progressed;
    }
}
