using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RichContact.Engine.Activity;
using RichContact.Engine.Channels;
using RichContact.Engine.Crisp.Events;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Settings;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Contacts;

/// <summary>
/// Recognises new conversations in the RTM stream (Crisp has no "conversation started" event: the
/// first visitor <c>message:send</c> of an unseen session is the start), opens each one's
/// <see cref="CollectionWindow"/> and hands the conversation to its schedule
/// (<see cref="ContactJobScheduler"/>, <see cref="WindowEndRuns"/>), which runs its contact job when
/// the window ends. Meanwhile the session's <c>session:set_*</c> details are gathered in
/// <see cref="VisitorDetailsStore"/>, and what was heard of the conversation in <see cref="HeardConversations"/>.
/// </summary>
internal sealed class ConversationTracker(
    VisitorDetailsStore details,
    HeardConversations heard,
    WebsiteSettingsStore settingsStore,
    ActivityLog activity,
    ContactJobScheduler scheduler,
    WindowEndRuns windowEndRuns,
    PlaceholderMends placeholderMends,
    IOptions<CollectionWindowOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<ConversationTracker> logger)
{
    private readonly ConcurrentDictionary<ConversationKey, CollectionWindow> _openWindows = new();

    /// <summary>Conversations whose collection window is open now (for the metrics).</summary>
    public int OpenWindows => _openWindows.Count;

    public async Task HandleAsync(CrispEvent rtmEvent, CancellationToken ct)
    {
        switch (rtmEvent)
        {
            case SessionDetails set:
                var detailed = new ConversationKey(set.WebsiteId, set.SessionId);
                details.Add(detailed, set.Details);
                if (_openWindows.TryGetValue(detailed, out var window))
                    window.EndEarlyIfComplete(details.Get(detailed));
                // Any time later, from this process or an earlier one: the activity log knows the contact.
                if (set.Details.Email is { } email && !ContactIdentity.IsPlaceholder(email))
                    _ = placeholderMends.EmailArrivedAsync(detailed, lifetime.ApplicationStopping);
                break;
            case SessionRemoved removed:
                var conversation = new ConversationKey(removed.WebsiteId, removed.SessionId);
                details.Forget(conversation);
                heard.Removed(conversation);
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
        if (!heard.TryStart(conversation, tracked))
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
            heard.Forget(conversation);
            return;
        }
        if (jobId is null)
            return; // held until the job storage accepts it; Hangfire then runs it as soon as it is due
        logger.LogDebug("New {Channel} conversation {SessionId} of website {WebsiteId}; contact job {JobId} scheduled",
            channel, conversation.SessionId, conversation.WebsiteId, jobId);
        OpenWindow(conversation, jobId, tracked, settings);
    }

    /// <summary>Hangfire keeps the job as the fallback; the window says when this process runs it.</summary>
    private void OpenWindow(ConversationKey conversation, string jobId, TrackedConversation tracked, WebsiteSettings? settings)
    {
        var window = new CollectionWindow(tracked.FirstMessageAt + options.Value.CollectionWindow, settings?.EnrichGeolocation, clock, lifetime.ApplicationStopping);
        _openWindows[conversation] = window;
        _ = window.Ended.ContinueWith(
            _ => _openWindows.TryRemove(new KeyValuePair<ConversationKey, CollectionWindow>(conversation, window)), TaskScheduler.Default);
        windowEndRuns.RunWhenEnded(conversation, jobId, window.Ended);
        window.EndEarlyIfComplete(details.Get(conversation));
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
}
