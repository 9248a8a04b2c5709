using System.Diagnostics;
using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Microsoft.Extensions.Logging;
using RichContact.Engine.Activity;
using RichContact.Engine.Channels;
using RichContact.Engine.Crisp;
using RichContact.Engine.Settings;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Contacts;

/// <summary>
/// The Hangfire job run once a conversation's collection window is over: decides whether the
/// conversation's visitor needs a contact and creates it (or, on a website in preview, says it
/// would). Its arguments are ids only (Hangfire's storage is on disk); the visitor's details come
/// from memory, else from the conversation meta.
/// Idempotent: a conversation with an outcome is not processed again (checked under the
/// conversation's lock, so two jobs of one conversation never both run), and the per-person lock
/// plus the search before create mean the same person on two channels never gets a second contact.
/// </summary>
public sealed class CreateContactJob(
    WebsiteSettingsStore settingsStore,
    ConversationTracker tracker,
    VisitorDetailsStore detailsStore,
    CrispClient crisp,
    ExistingProfileSearch search,
    RecentContacts recentContacts,
    PlaceholderMends placeholderMends,
    KeyedLocks locks,
    ActivityLog activity,
    UnrecordedContacts unrecorded,
    IBackgroundJobClient jobs,
    JobStorage jobStorage,
    TimeProvider clock,
    ILogger<CreateContactJob> logger)
{
    /// <summary>Hangfire retries of unexpected failures (the database busy, say); the outcome check keeps them safe.</summary>
    public const int Retries = 3;

    /// <summary>[guess] Crisp's reason for a conversation that does not exist (as the sandbox answers).</summary>
    private const string SessionNotFound = "session_not_found";

    // Failures Crisp explains are recorded, not retried: the HTTP client already retried them.
    // richcontact.db failing is neither: the job is held until it works (HoldWhileDatabaseFails).
    [AutomaticRetry(Attempts = Retries, DelaysInSeconds = [2, 10, 30])]
    [HoldWhileDatabaseFails]
    public Task RunAsync(string websiteId, string sessionId, PerformContext? context, CancellationToken cancellationToken) =>
        RunAttemptAsync(websiteId, sessionId, context?.BackgroundJob.Id, context, IsLastAttempt(context), cancellationToken);

    /// <summary>
    /// The run this process makes at the window's end (<see cref="WindowEndRuns"/>) while the
    /// conversation's Hangfire job waits as the fallback: an unexpected failure throws, and the
    /// Hangfire job, with its retries, runs later.
    /// </summary>
    public Task RunAtWindowEndAsync(string websiteId, string sessionId, string jobId, CancellationToken cancellationToken) =>
        RunAttemptAsync(websiteId, sessionId, jobId, context: null, lastAttempt: false, cancellationToken);

    /// <summary>
    /// A backfill's run of a past conversation (Backfill/BackfillJob): the same decision, with the channel
    /// and creation time from the conversation list instead of the tracker, and the visitor's details from
    /// the meta. Returns the entry recorded, or null when the conversation already had an outcome (then
    /// no Crisp call was made). A spent budget is thrown, not recorded: the backfill waits for it.
    /// </summary>
    public Task<ActivityEntry?> RunPastConversationAsync(string websiteId, string sessionId, PastConversation past, CancellationToken cancellationToken) =>
        RunAttemptAsync(websiteId, sessionId, jobId: null, context: null, lastAttempt: true, cancellationToken, past);

    private async Task<ActivityEntry?> RunAttemptAsync(string websiteId, string sessionId, string? jobId, PerformContext? context, bool lastAttempt,
        CancellationToken cancellationToken, PastConversation? past = null)
    {
        var conversation = new ConversationKey(websiteId, sessionId);
        using var conversationLock = await locks.AcquireAsync(conversation.LockKey, cancellationToken);
        try
        {
            if (await activity.HasOutcomeAsync(websiteId, sessionId, cancellationToken))
            {
                logger.LogDebug("Conversation {SessionId} of website {WebsiteId} already has an outcome", sessionId, websiteId);
                unrecorded.Forget(conversation);
                return null;
            }
        }
        catch (Exception error) when (DatabaseFailure.Is(error))
        {
            throw Held(conversation, error);
        }

        var tracked = tracker.Get(conversation);
        if (tracked is not null)
            logger.LogDebug("Contact job for conversation {SessionId} started {DelayMs:0} ms after its first message",
                sessionId, (clock.GetUtcNow() - tracked.FirstMessageAt).TotalMilliseconds);
        var entry = new ActivityEntry
        {
            WebsiteId = websiteId, SessionId = sessionId, Channel = tracked?.Channel ?? past?.Channel,
            FirstMessageAt = tracked?.FirstMessageAt ?? past?.CreatedAt, BackfillRunId = past?.RunId,
        };
        var created = UnrecordedContact(conversation, context);
        using (RestCallCounter.Begin(out var calls))
        {
            try
            {
                if (created is not null)
                {
                    // Made by an earlier run whose entry richcontact.db refused: searching now would say "existing".
                    entry.Outcome = ActivityOutcome.Created;
                    entry.PeopleId = created.PeopleId;
                    entry.Reason = created.Reason;
                    entry.Placeholder = created.Placeholder;
                }
                else
                    await DecideAsync(conversation, entry, cancellationToken);
            }
            catch (Exception error) when (DatabaseFailure.Is(error))
            {
                throw Held(conversation, error);
            }
            catch (CrispBudgetExhaustedException) when (past is not null)
            {
                throw;
            }
            catch (CrispBudgetExhaustedException spent)
            {
                // Retrying does not help against a daily cap: try again when the budget is back.
                Fail(entry, ReasonCodes.BudgetExhausted);
                jobs.Schedule<CreateContactJob>(job => job.RunAsync(websiteId, sessionId, null, CancellationToken.None),
                    spent.ResumesAt.AddSeconds(Random.Shared.Next(1, 600)));
            }
            catch (CrispApiException error)
            {
                Fail(entry, error.IsUnauthorized ? ReasonCodes.Unauthorized : error.ReasonCode);
            }
            catch (Exception error) when (CrispTransientErrors.IsUnreachable(error))
            {
                Fail(entry, ReasonCodes.CrispUnreachable);
            }
            catch (Exception error) when (error is not OperationCanceledException && lastAttempt)
            {
                // The type only: some exception messages quote the data they choked on.
                logger.LogError("Contact job for conversation {SessionId} of website {WebsiteId} failed with {ErrorType} after {Retries} retries",
                    sessionId, websiteId, error.GetType().Name, Retries);
                Fail(entry, ReasonCodes.InternalError);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Hangfire keeps a failed attempt's exception, message included, in hangfire.db and
                // its log before retrying; some messages quote the data they choked on, so it gets the type only.
                throw new InvalidOperationException($"Contact job attempt failed with {error.GetType().Name}; Hangfire runs it again.");
            }
            entry.RestCalls = calls.Calls + (created?.RestCalls ?? 0);
        }

        entry.At = clock.GetUtcNow();
        entry.ElapsedMs = entry.FirstMessageAt is { } first && past is null ? (long)(entry.At - first).TotalMilliseconds : null;
        bool recorded;
        try
        {
            recorded = await activity.RecordAsync(entry, cancellationToken);
        }
        catch (Exception error) when (DatabaseFailure.Is(error))
        {
            if (entry.Outcome == ActivityOutcome.Created && entry.PeopleId is not null)
                KeepUnrecorded(conversation, new UnrecordedContact(entry.PeopleId, entry.RestCalls, entry.Reason, entry.Placeholder), jobId);
            throw Held(conversation, error);
        }
        unrecorded.Forget(conversation);
        if (!recorded)
        {
            logger.LogDebug("Conversation {SessionId} of website {WebsiteId} already had an outcome; {Outcome} not recorded", sessionId, websiteId, entry.Outcome);
            return null;
        }
        // A real email that came while the job ran (the decision did not have it) mends the placeholder now.
        if (entry.Placeholder && detailsStore.Get(conversation)?.Email is not null)
            await placeholderMends.EmailArrivedAsync(conversation, cancellationToken);
        if (entry.Outcome != ActivityOutcome.Failed)
            detailsStore.Forget(conversation);
        logger.LogInformation("Conversation {SessionId} of website {WebsiteId} on {Channel}: {Outcome} {Reason} ({RestCalls} Crisp calls)",
            sessionId, websiteId, entry.Channel, entry.Outcome, entry.Reason ?? "", entry.RestCalls);
        return entry;
    }

    private async Task DecideAsync(ConversationKey conversation, ActivityEntry entry, CancellationToken ct)
    {
        var settings = await settingsStore.GetAsync(conversation.WebsiteId, ct);
        if (SkipReason(settings, entry.Channel) is { } skip)
        {
            Skip(entry, skip);
            return;
        }

        if (tracker.WasRemoved(conversation))
        {
            Skip(entry, ReasonCodes.ConversationRemoved);
            return;
        }
        VisitorDetails details;
        try
        {
            details = await VisitorDetailsAsync(conversation, entry.Channel, settings, ct);
        }
        catch (CrispApiException error) when (error.Status == System.Net.HttpStatusCode.NotFound && error.Reason == SessionNotFound)
        {
            // Deleted before its job ran (and its session:removed was missed, e.g. across a restart).
            Skip(entry, ReasonCodes.ConversationRemoved);
            return;
        }
        if (entry.Channel is null)
        {
            if (!ChannelOrigin.TryGetChannel(details.Origin, out var channel))
            {
                Skip(entry, ReasonCodes.NotAChannel);
                return;
            }
            entry.Channel = channel;
        }
        if (SkipReason(settings, entry.Channel) is { } notMonitored)
        {
            Skip(entry, notMonitored);
            return;
        }

        var identity = ContactIdentity.From(details.Email, details.Phone, details.Country);
        if (identity?.Email is not null && settings.SkipIfEmailExists)
        {
            Skip(entry, ReasonCodes.EmailExists);
            return;
        }
        if (identity is null)
        {
            Skip(entry, ReasonCodes.NoIdentity);
            return;
        }

        using var _ = await locks.AcquireAsync(identity.LockKey, ct);
        var websiteId = conversation.WebsiteId;
        if (await RecentlyCreatedAsync(websiteId, identity, ct) is { } recent)
        {
            entry.Outcome = ActivityOutcome.Existing;
            entry.PeopleId = recent;
            return;
        }
        var found = await search.FindAsync(websiteId, identity, entry.Channel, ct);
        if (found.Match is { } existing)
        {
            entry.Outcome = ActivityOutcome.Existing;
            entry.PeopleId = existing.PeopleId;
            return;
        }
        if (settings.PreviewOnly)
        {
            WouldCreate(entry, found.Unseen);
            return;
        }

        var email = identity.ProfileEmail(entry.Channel);
        try
        {
            entry.PeopleId = await crisp.CreatePeopleProfileAsync(websiteId, NewProfile(identity, details, entry.Channel, settings), ct);
            entry.Outcome = ActivityOutcome.Created;
            entry.Reason = found.Unseen;
            entry.Placeholder = identity.Email is null;
            recentContacts.Remember(websiteId, identity, entry.PeopleId);
        }
        catch (CrispApiException error) when (error.IsConflict)
        {
            // The email is taken (another process, or a profile the search could not see yet): it
            // exists. A read by email is immediate and links the entry to it.
            entry.Outcome = ActivityOutcome.Existing;
            entry.Reason = ReasonCodes.Conflict;
            entry.PeopleId = (await crisp.GetPeopleProfileAsync(websiteId, email, ct))?.PeopleId;
        }
    }

    /// <summary>
    /// The contact this process made for the person minutes ago, which Crisp's search may not show
    /// yet; read by id (immediate) to be sure an agent has not deleted it since.
    /// </summary>
    private async Task<string?> RecentlyCreatedAsync(string websiteId, ContactIdentity identity, CancellationToken ct)
    {
        if (recentContacts.Find(websiteId, identity) is not { } peopleId)
            return null;
        if (await crisp.GetPeopleProfileAsync(websiteId, peopleId, ct) is not null)
            return peopleId;
        recentContacts.Forget(websiteId, identity);
        return null;
    }

    /// <summary>
    /// Why the website's settings rule the conversation out (<see cref="ReasonCodes.Disabled"/>,
    /// <see cref="ReasonCodes.ChannelNotMonitored"/>), or null. An unknown channel (null) is only
    /// checked against the master switch. The tracker applies it as soon as the first message
    /// arrives, the job again when it runs: settings take effect at once.
    /// </summary>
    public static string? SkipReason(WebsiteSettings settings, string? channel) =>
        !settings.Enabled ? ReasonCodes.Disabled
        : channel is not null && !settings.Monitors(channel) ? ReasonCodes.ChannelNotMonitored
        : null;

    /// <summary>
    /// The window's details from memory; the conversation meta over REST only when memory cannot
    /// answer (after a restart, or when a detail the decision needs is missing).
    /// </summary>
    private async Task<VisitorDetails> VisitorDetailsAsync(ConversationKey conversation, string? channel, WebsiteSettings settings, CancellationToken ct)
    {
        var remembered = detailsStore.Get(conversation) ?? new VisitorDetails();
        var hasIdentity = remembered.Email is not null || remembered.Phone is not null;
        var phoneNeedsRegion = remembered.Phone is { } phone && !Phones.IsInternational(phone) && remembered.Country is null;
        var geolocationMissing = settings.EnrichGeolocation && remembered.Country is null && remembered.City is null;
        if (channel is not null && hasIdentity && !phoneNeedsRegion && !geolocationMissing)
            return remembered;

        var meta = await crisp.GetConversationMetaAsync(conversation.WebsiteId, conversation.SessionId, ct);
        return meta.With(remembered);
    }

    private static NewPeopleProfile NewProfile(ContactIdentity identity, VisitorDetails details, string channel, WebsiteSettings settings)
    {
        var geolocation = settings.EnrichGeolocation && (details.Country is not null || details.City is not null)
            ? new NewGeolocation(details.Country, details.City)
            : null;
        var segments = new[] { channel }.Concat(settings.Segments).Distinct(StringComparer.Ordinal).ToList();
        return new NewPeopleProfile(identity.ProfileEmail(channel), new NewPerson(Nickname.ForContact(details.Nickname), identity.Phone, geolocation), segments);
    }

    /// <summary>richcontact.db failed: logged (the type only), and the job is held rather than failed.</summary>
    private DatabaseHeldException Held(ConversationKey conversation, Exception error)
    {
        logger.LogWarning("Contact job for conversation {SessionId} of website {WebsiteId} held: " + DataDirectory.DatabaseFileName + " failed with {ErrorType} ({Hint}); it runs again until the database works",
            conversation.SessionId, conversation.WebsiteId, error.GetBaseException().GetType().Name, StorageFailure.Hint);
        return new DatabaseHeldException(error);
    }

    /// <summary>
    /// In memory, and as a job parameter (ids and a count: hangfire.db holds no personal data) so that
    /// a run in the next process records it too. hangfire.db may be failing as well (a full disk): then memory only.
    /// </summary>
    private void KeepUnrecorded(ConversationKey conversation, UnrecordedContact contact, string? jobId)
    {
        unrecorded.Keep(conversation, contact);
        if (jobId is null)
            return;
        try
        {
            using var connection = jobStorage.GetConnection();
            connection.SetJobParameter(jobId, Contacts.UnrecordedContacts.Parameter, SerializationHelper.Serialize(contact, SerializationOption.User));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogDebug("Could not keep the unrecorded contact of conversation {SessionId} in the job storage ({ErrorType})",
                conversation.SessionId, error.GetType().Name);
        }
    }

    private UnrecordedContact? UnrecordedContact(ConversationKey conversation, PerformContext? context)
    {
        if (unrecorded.Get(conversation) is { } kept)
            return kept;
        try
        {
            // allowStale: from the parameters fetched with the job when the storage provides them (else one read of hangfire.db).
            return context?.GetJobParameter<UnrecordedContact>(Contacts.UnrecordedContacts.Parameter, allowStale: true);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogDebug("Could not read the unrecorded contact of conversation {SessionId} from the job storage ({ErrorType})",
                conversation.SessionId, error.GetType().Name);
            return null;
        }
    }

    /// <summary>Hangfire passes the context; a direct call (no context) has no retries left.</summary>
    private static bool IsLastAttempt(PerformContext? context) =>
        context is null || context.GetJobParameter<int>("RetryCount") >= Retries;

    private static void Skip(ActivityEntry entry, string reason)
    {
        entry.Outcome = ActivityOutcome.Skipped;
        entry.Reason = reason;
    }

    /// <summary>
    /// Preview only: a contact would be made here, and none is. Nothing goes to
    /// <see cref="RecentContacts"/> (it holds contacts that exist) and no placeholder waits for a mend.
    /// The search's caveat (<c>dedup_incomplete</c>...) stays: it would hold for the real contact too.
    /// </summary>
    private static void WouldCreate(ActivityEntry entry, string? unseen)
    {
        entry.Outcome = ActivityOutcome.WouldCreate;
        entry.Reason = unseen;
    }

    private static void Fail(ActivityEntry entry, string reason)
    {
        entry.Outcome = ActivityOutcome.Failed;
        entry.Reason = reason;
    }
}
