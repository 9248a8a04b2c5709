using System.Runtime.CompilerServices;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RichContact.Engine.Activity;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Nodes;
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
internal sealed class CreateContactJob(
    WebsiteSettingsStore settingsStore,
    ConversationTracker tracker,
    VisitorDetailsStore detailsStore,
    CrispClient crisp,
    ExistingProfileSearch search,
    RecentContacts recentContacts,
    PlaceholderMends placeholderMends,
    IContactLocks locks,
    ActivityLog activity,
    IUnrecordedContacts unrecorded,
    NewContactFollowUps followUps,
    ContactsLimit contactsLimit,
    IBackgroundJobClient jobs,
    IRtmLeadership leadership,
    IOptions<Crisp.CrispOptions> options,
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
    /// The window was opened by what this node heard as RTM's holder (its socket, its catch-up), so the
    /// run is fenced by RTM's term: it starts, and creates, only while this node holds RTM. A node that
    /// woke after losing RTM throws <see cref="RtmTermEndedException"/>, and the conversation's Hangfire
    /// job decides it on whichever node runs it (Hangfire's runs, like backfills, are tied to no term;
    /// the conversation and person locks keep them one at a time). With Web Hooks no node holds RTM and
    /// nothing is fenced.
    /// </summary>
    public Task RunAtWindowEndAsync(string websiteId, string sessionId, string jobId, CancellationToken cancellationToken)
    {
        Func<bool>? fence = options.Value.Events == Crisp.CrispEventSource.Rtm ? () => leadership.HoldsRtm : null;
        if (fence?.Invoke() == false)
            throw new RtmTermEndedException();
        return RunAttemptAsync(websiteId, sessionId, jobId, context: null, lastAttempt: false, cancellationToken, fence: fence);
    }

    /// <summary>
    /// A backfill's run of a past conversation (Backfill/BackfillJob): the same decision, with the channel
    /// and creation time from the conversation list instead of the tracker, and the visitor's details from
    /// the meta. Returns the entry recorded, or null when the conversation already had an outcome (then
    /// no Crisp call was made). A spent budget is thrown, not recorded: the backfill waits for it.
    /// </summary>
    public Task<ActivityEntry?> RunPastConversationAsync(string websiteId, string sessionId, PastConversation past, CancellationToken cancellationToken) =>
        RunAttemptAsync(websiteId, sessionId, jobId: null, context: null, lastAttempt: true, cancellationToken, past);

    /// <summary>
    /// The visitor's user id in the conversation's messages. Whether Crisp lets the plugin token read
    /// them is not known: a lasting refusal leaves the conversation's own placeholder, never costs the contact.
    /// </summary>
    private async Task<string?> VisitorUserIdAsync(ConversationKey conversation, CancellationToken ct)
    {
        try
        {
            return await crisp.GetVisitorUserIdAsync(conversation.WebsiteId, conversation.SessionId, ct);
        }
        catch (CrispApiException error) when (error.IsLastingRefusal)
        {
            logger.LogWarning("Crisp refused the messages of conversation {SessionId} of website {WebsiteId} ({ReasonCode}); its contact gets the conversation's placeholder",
                conversation.SessionId, conversation.WebsiteId, error.ReasonCode);
            return null;
        }
    }

    private async Task<ActivityEntry?> RunAttemptAsync(string websiteId, string sessionId, string? jobId, PerformContext? context, bool lastAttempt,
        CancellationToken cancellationToken, PastConversation? past = null, Func<bool>? fence = null)
    {
        var conversation = new ConversationKey(websiteId, sessionId);
        IHeldLock conversationLock;
        try
        {
            // On PostgreSQL a database lock too: the conversation's other job may run on another node.
            conversationLock = await locks.AcquireAsync(conversation.LockKey, cancellationToken);
        }
        catch (Exception error) when (DatabaseFailure.Is(error))
        {
            throw Held(conversation, error);
        }
        await using var _ = conversationLock;
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
        // Made by an earlier run whose entry the database refused: searching again would say "existing".
        // This process's memory now; the job storage only if the decision ends in "existing" (below).
        var created = unrecorded.Remembered(conversation);
        ContactOutcome outcome;
        // The channel is known from the tracker, or learnt from the visitor's origin during the decision,
        // and the entry keeps it even when a later step fails.
        var channel = new StrongBox<string?>(entry.Channel);
        using (RestCallCounter.Begin(out var calls))
        {
            try
            {
                outcome = created is not null
                    ? ContactOutcome.Created(created.PeopleId, created.Placeholder, created.Reason)
                    : await DecideAsync(conversation, channel, fence, cancellationToken);
                if (outcome.Kind == ActivityOutcome.Existing && created is null && unrecorded.Find(conversation, context) is { } stored)
                {
                    created = stored;
                    outcome = ContactOutcome.Created(stored.PeopleId, stored.Placeholder, stored.Reason);
                }
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
                outcome = ContactOutcome.Failed(ReasonCodes.BudgetExhausted);
                jobs.Schedule<CreateContactJob>(job => job.RunAsync(websiteId, sessionId, null, CancellationToken.None),
                    spent.ResumesAt.AddSeconds(Random.Shared.Next(1, 600)));
            }
            catch (CrispApiException error)
            {
                outcome = ContactOutcome.Failed(error.IsUnauthorized ? ReasonCodes.Unauthorized : error.ReasonCode);
            }
            catch (Exception error) when (CrispTransientErrors.IsUnreachable(error))
            {
                outcome = ContactOutcome.Failed(ReasonCodes.CrispUnreachable);
            }
            catch (Exception error) when (error is not OperationCanceledException && lastAttempt)
            {
                // The type only: some exception messages quote the data they choked on.
                logger.LogError("Contact job for conversation {SessionId} of website {WebsiteId} failed with {ErrorType} after {Retries} retries",
                    sessionId, websiteId, error.GetType().Name, Retries);
                outcome = ContactOutcome.Failed(ReasonCodes.InternalError);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Hangfire keeps a failed attempt's exception, message included, in hangfire.db and
                // its log before retrying; some messages quote the data they choked on, so it gets the type only.
                throw new InvalidOperationException($"Contact job attempt failed with {error.GetType().Name}; Hangfire runs it again.");
            }
            entry.RestCalls = calls.Calls + (created?.RestCalls ?? 0);
        }

        entry.Channel = channel.Value;
        entry.Outcome = outcome.Kind;
        entry.Reason = outcome.Reason;
        entry.PeopleId = outcome.PeopleId;
        entry.Placeholder = outcome.Placeholder;
        entry.At = clock.GetUtcNow();
        entry.ElapsedMs = entry.FirstMessageAt is { } first && past is null ? (long)(entry.At - first).TotalMilliseconds : null;
        bool recorded;
        try
        {
            recorded = await activity.RecordAsync(entry, cancellationToken);
        }
        catch (Exception error)
        {
            // Whatever stopped the entry — the database failing, or the process stopping meanwhile — the
            // contact this run made must be recorded "created" by the next run, not found as "existing".
            if (entry.Outcome == ActivityOutcome.Created && entry.PeopleId is not null)
                unrecorded.Keep(conversation, new UnrecordedContact(entry.PeopleId, entry.RestCalls, entry.Reason, entry.Placeholder), jobId);
            if (DatabaseFailure.Is(error))
                throw Held(conversation, error);
            throw;
        }
        unrecorded.Forget(conversation, stored: created is not null);
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
        // Two templates: an outcome without a reason must not leave an empty field and a doubled space.
        if (entry.Reason is { } reason)
            logger.LogInformation("Conversation {SessionId} of website {WebsiteId} on {Channel}: {Outcome}, {Reason} ({RestCalls} Crisp calls)",
                sessionId, websiteId, entry.Channel, entry.Outcome.Code(), reason, entry.RestCalls);
        else
            logger.LogInformation("Conversation {SessionId} of website {WebsiteId} on {Channel}: {Outcome} ({RestCalls} Crisp calls)",
                sessionId, websiteId, entry.Channel, entry.Outcome.Code(), entry.RestCalls);
        return entry;
    }

    /// <summary>
    /// Gathers what <see cref="ContactDecision"/> needs, step by step, and makes the Crisp calls it leads
    /// to. Sets the conversation's channel when the visitor's origin tells it (the tracker's is null).
    /// </summary>
    private async Task<ContactOutcome> DecideAsync(ConversationKey conversation, StrongBox<string?> knownChannel, Func<bool>? fence, CancellationToken ct)
    {
        var channel = knownChannel.Value;
        var settings = await settingsStore.GetAsync(conversation.WebsiteId, ct);
        if (ContactDecision.BeforeDetails(settings, channel, tracker.WasRemoved(conversation)) is { } early)
            return early;
        // Crisp refuses new contacts there now: recorded without spending a call on a contact it would refuse.
        var limit = settings.PreviewOnly ? null : await contactsLimit.ReadAsync(conversation.WebsiteId, ct);
        if (contactsLimit.Waits(limit))
            return ContactOutcome.Failed(ReasonCodes.ContactsLimit);
        VisitorDetails details;
        try
        {
            details = await VisitorDetailsAsync(conversation, channel, settings, ct);
        }
        catch (CrispApiException error) when (error.Status == System.Net.HttpStatusCode.NotFound && error.Reason == SessionNotFound)
        {
            // Deleted before its job ran (and its session:removed was missed, e.g. across a restart).
            return ContactOutcome.Skipped(ReasonCodes.ConversationRemoved);
        }
        var skip = ContactDecision.WithDetails(settings, channel, details, conversation.SessionId, out channel, out var identity);
        knownChannel.Value = channel;
        if (skip is not null)
            return skip;
        if (identity!.PhonelessPlaceholder is not null && details.ChannelUserId is null)
        {
            // No visitor message heard with a user id (a catch-up, a backfill, or Crisp sends none): the
            // conversation's messages may still carry the person's id on the channel. One call more.
            if (await VisitorUserIdAsync(conversation, ct) is { } userId)
                identity = ContactIdentity.Phoneless(PhonelessPlaceholder.For(channel!, userId, conversation.SessionId));
        }

        await using var personLock = await locks.AcquireAsync(identity.LockKey, ct, watched: true);
        var websiteId = conversation.WebsiteId;
        var recent = await RecentlyCreatedAsync(websiteId, identity, ct);
        var found = recent is null ? await search.FindAsync(websiteId, identity, channel!, ct) : ProfileSearchResult.None;
        if (ContactDecision.AfterSearch(recent, found, settings.PreviewOnly) is { } matched)
            return matched;

        var email = identity.ProfileEmail(channel!);
        // Lost meanwhile (its database connection broke), another node may be deciding this person now:
        // the job is held and runs again, and its search then finds what that node made.
        personLock.ThrowIfLost();
        if (fence?.Invoke() == false)
            throw new RtmTermEndedException();
        // Limited: only the run that takes the website's one attempt of the hour (on any node) creates.
        if (await contactsLimit.StopsCreateAsync(limit, ct))
            return ContactOutcome.Failed(ReasonCodes.ContactsLimit);
        try
        {
            var peopleId = await crisp.CreatePeopleProfileAsync(websiteId, ContactDecision.NewProfile(identity, details, channel!, settings), ct);
            if (limit is not null)
                await contactsLimit.LiftedAsync(websiteId, ct);
            recentContacts.Remember(websiteId, identity, peopleId);
            await followUps.AfterCreateAsync(websiteId, peopleId, placeholder: identity.Email is null, channel!, settings, ct);
            return ContactOutcome.Created(peopleId, placeholder: identity.Email is null, found.Unseen);
        }
        catch (CrispApiException error) when (ContactsLimit.IsLimitRefusal(error))
        {
            await contactsLimit.RefusedAsync(websiteId, error, ct);
            return ContactOutcome.Failed(ReasonCodes.ContactsLimit);
        }
        catch (CrispApiException error) when (error.IsConflict)
        {
            if (limit is not null)
                await contactsLimit.AttemptUnusedAsync(websiteId, ct);
            // The email is taken (another process, or a profile the search could not see yet): it
            // exists. A read by email is immediate and links the entry to it.
            return ContactOutcome.Existing((await crisp.GetPeopleProfileAsync(websiteId, email, ct))?.PeopleId, ReasonCodes.Conflict);
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

    /// <summary>The settings and activity database (richcontact.db or PostgreSQL) failed: logged (the type only), and the job is held rather than failed.</summary>
    private DatabaseHeldException Held(ConversationKey conversation, Exception error)
    {
        logger.LogWarning("Contact job for conversation {SessionId} of website {WebsiteId} held: the settings and activity database failed with {ErrorType}; it runs again until the database works",
            conversation.SessionId, conversation.WebsiteId, error.GetBaseException().GetType().Name);
        return new DatabaseHeldException(error);
    }

    /// <summary>Hangfire passes the context; a direct call (no context) has no retries left.</summary>
    private static bool IsLastAttempt(PerformContext? context) =>
        context is null || context.GetJobParameter<int>("RetryCount") >= Retries;
}
