using System.Collections.Concurrent;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RichContact.Engine.Activity;
using RichContact.Engine.Channels;
using RichContact.Engine.Crisp.Events;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Memory;
using RichContact.Engine.Settings;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Contacts;

/// <summary>
/// Recognises new conversations in the RTM stream (Crisp has no "conversation started" event: the
/// first visitor <c>message:send</c> of an unseen session is the start) and schedules one
/// <see cref="CreateContactJob"/> per conversation after the collection window. Meanwhile the
/// session's <c>session:set_*</c> details are gathered in <see cref="VisitorDetailsStore"/>.
/// Scheduling goes through <see cref="ContactJobScheduler"/>, which holds what the job storage refuses.
/// </summary>
internal sealed class ConversationTracker(
    VisitorDetailsStore details,
    WebsiteSettingsStore settingsStore,
    ActivityLog activity,
    ContactJobScheduler scheduler,
    WindowEndRuns windowEndRuns,
    PlaceholderMends placeholderMends,
    IBackgroundJobClient jobs,
    IOptions<CollectionWindowOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<ConversationTracker> logger)
{
    /// <summary>How long a session counts as "seen"; later messages are repeats. The job's own idempotence covers the rest.</summary>
    private static readonly TimeSpan SeenFor = TimeSpan.FromHours(2);

    private readonly ExpiringMap<ConversationKey, TrackedConversation> _conversations = new(50_000, SeenFor, clock);
    private readonly ExpiringMap<ConversationKey, bool> _removed = new(10_000, SeenFor, clock);
    private readonly ConcurrentDictionary<ConversationKey, OpenWindow> _openWindows = new();

    public TrackedConversation? Get(ConversationKey conversation) =>
        _conversations.TryGet(conversation, out var tracked) ? tracked : null;

    /// <summary>Conversations whose collection window is open now (for the metrics).</summary>
    public int OpenWindows => _openWindows.Count;

    /// <summary>True when Crisp said the conversation was deleted (<c>session:removed</c>).</summary>
    public bool WasRemoved(ConversationKey conversation) => _removed.TryGet(conversation, out _);

    public async Task HandleAsync(CrispEvent rtmEvent, CancellationToken ct)
    {
        switch (rtmEvent)
        {
            case SessionDetails set:
                var detailed = new ConversationKey(set.WebsiteId, set.SessionId);
                details.Add(detailed, set.Details);
                CloseEarlyIfComplete(detailed);
                // Any time later, from this process or an earlier one: the activity log knows the contact.
                if (set.Details.Email is { } email && !ContactIdentity.IsPlaceholder(email))
                    _ = placeholderMends.EmailArrivedAsync(detailed, lifetime.ApplicationStopping);
                break;
            case SessionRemoved removed:
                var conversation = new ConversationKey(removed.WebsiteId, removed.SessionId);
                details.Forget(conversation);
                _removed.TryAdd(conversation, true);
                break;
            case MessageSent message when message.IsFromVisitor:
                await OnMessageSentAsync(message, ct);
                break;
        }
    }

    private async Task OnMessageSentAsync(MessageSent message, CancellationToken ct)
    {
        var conversation = new ConversationKey(message.WebsiteId, message.SessionId);
        var origin = message.Origin ?? details.Get(conversation)?.Origin;
        if (!ChannelOrigin.TryGetChannel(origin, out var channel))
            return; // chat, email or no origin: Crisp handles those contacts itself.
        // The visitor's id on the channel: a phone-less conversation's contact may be made from it.
        if (message.UserId is { } userId)
            details.Add(conversation, new VisitorDetails { ChannelUserId = userId });

        // Time of arrival here, not Crisp's timestamp: the activity log measures our own latency.
        var tracked = new TrackedConversation(channel, clock.GetUtcNow());
        if (!_conversations.TryAdd(conversation, tracked))
            return; // a later message of a conversation already handled

        var settings = await SettingsAsync(conversation, ct);
        if (settings is not null && ContactDecision.SkipReason(settings, channel) is { } reason
            && await TryRecordSkipAsync(conversation, tracked, reason, ct))
        {
            details.Forget(conversation);
            return;
        }

        if (!scheduler.TrySchedule(conversation, tracked, out var jobId))
        {
            // Neither scheduled nor held (the holder is full): its next visitor message, or an outage catch-up, tries again.
            _conversations.Remove(conversation);
            return;
        }
        if (jobId is null)
            return; // held until the job storage accepts it; Hangfire then runs it as soon as it is due
        logger.LogDebug("New {Channel} conversation {SessionId} of website {WebsiteId}; contact job {JobId} scheduled",
            channel, conversation.SessionId, conversation.WebsiteId, jobId);
        // Unknown settings (the database did not answer): the window runs its full length.
        var window = new OpenWindow(settings?.EnrichGeolocation);
        _openWindows[conversation] = window;
        _ = EnqueueAtWindowEndAsync(conversation, jobId, window, tracked.FirstMessageAt + options.Value.CollectionWindow);
        CloseEarlyIfComplete(conversation);
    }

    /// <summary>A collection window still running, and whether its contact needs the visitor's country or city.</summary>
    private sealed class OpenWindow(bool? enrichGeolocation)
    {
        private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool? EnrichGeolocation { get; } = enrichGeolocation;
        public Task Closed => _closed.Task;
        public void Close() => _closed.TrySetResult();
    }

    /// <summary>
    /// The window exists for details that come late; once the conversation carries everything its
    /// contact needs, waiting longer gains nothing and the job may run now.
    /// </summary>
    private void CloseEarlyIfComplete(ConversationKey conversation)
    {
        if (_openWindows.TryGetValue(conversation, out var window) && window.EnrichGeolocation is { } enrich
            && CollectionWindow.HasEverything(details.Get(conversation), enrich))
            window.Close();
    }

    /// <summary>
    /// Decided now, by the job's own rule: no job for a conversation it would skip. Heard again (a
    /// restart's catch-up replays it), the log keeps the first entry only. False when richcontact.db
    /// refuses the entry: then the conversation is scheduled like any other, and its job, which
    /// decides the same skip, is held until the database takes the entry.
    /// </summary>
    private async Task<bool> TryRecordSkipAsync(ConversationKey conversation, TrackedConversation tracked, string reason, CancellationToken ct)
    {
        try
        {
            await activity.RecordAsync(new ActivityEntry
            {
                WebsiteId = conversation.WebsiteId, SessionId = conversation.SessionId, Channel = tracked.Channel,
                Outcome = ActivityOutcome.Skipped, Reason = reason, FirstMessageAt = tracked.FirstMessageAt,
                ElapsedMs = 0,
            }, ct);
            return true;
        }
        catch (Exception error) when (DatabaseFailure.Is(error))
        {
            logger.LogWarning("Could not record conversation {SessionId} of website {WebsiteId} as skipped ({ErrorType}); its contact job records it once " + DataDirectory.DatabaseFileName + " works",
                conversation.SessionId, conversation.WebsiteId, error.GetBaseException().GetType().Name);
            return false;
        }
    }

    /// <summary>
    /// The website's settings, or null when richcontact.db cannot answer (locked past the command
    /// timeout): the conversation is scheduled anyway, and its job reads them again when it runs.
    /// </summary>
    private async Task<WebsiteSettings?> SettingsAsync(ConversationKey conversation, CancellationToken ct)
    {
        try
        {
            return await settingsStore.GetAsync(conversation.WebsiteId, ct);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning("Could not read the settings of website {WebsiteId} ({ErrorType}); conversation {SessionId} is scheduled and its job checks them",
                conversation.WebsiteId, error.GetType().Name, conversation.SessionId);
            return null;
        }
    }

    /// <summary>
    /// Hangfire keeps the job (so a restart loses nothing), due a while after the window as a
    /// fallback. This process knows the exact end of the window, and when the window may close
    /// early, so it runs the job then (<see cref="WindowEndRuns"/>), or, when those runs are too
    /// many, enqueues it in Hangfire if Hangfire has not moved it yet.
    /// </summary>
    private async Task EnqueueAtWindowEndAsync(ConversationKey conversation, string jobId, OpenWindow window, DateTimeOffset windowEnd)
    {
        try
        {
            // A timer counts whole milliseconds and may fire a fraction of one early: wait until the end has passed.
            for (var wait = windowEnd - clock.GetUtcNow(); wait > TimeSpan.Zero && !window.Closed.IsCompleted
                 && !lifetime.ApplicationStopping.IsCancellationRequested; wait = windowEnd - clock.GetUtcNow())
                await Task.WhenAny(Task.Delay(wait, clock, lifetime.ApplicationStopping), window.Closed);
            // Stopping: leave the job to Hangfire in the next process.
            if (lifetime.ApplicationStopping.IsCancellationRequested)
                return;
            if (!windowEndRuns.TryRun(conversation, jobId))
                jobs.ChangeState(jobId, new EnqueuedState(), ScheduledState.StateName);
        }
        catch (Exception error)
        {
            // Hangfire still runs the job at its due time.
            logger.LogDebug("Enqueueing contact job {JobId} at the window's end failed ({ErrorType})", jobId, error.GetType().Name);
        }
        finally
        {
            _openWindows.TryRemove(new KeyValuePair<ConversationKey, OpenWindow>(conversation, window));
        }
    }
}
