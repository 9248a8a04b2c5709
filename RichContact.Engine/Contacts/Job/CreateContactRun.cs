using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RichContact.Engine.Activity;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Nodes;
using RichContact.Engine.Settings;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Contacts;

/// <summary>
/// One run of a conversation's contact job, once its collection window is over: decides whether the
/// conversation's visitor needs a contact and creates it (or, on a website in preview, says it
/// would), and records the outcome. It knows nothing of Hangfire: its schedule
/// (<see cref="CreateContactJob"/>, <see cref="WindowEndRuns"/>) calls it, and it asks
/// <see cref="IContactRunSchedule"/> for a later run. The visitor's details come from memory, else
/// from the conversation meta.
/// Idempotent: a conversation with an outcome is not processed again (checked under the
/// conversation's lock, so two runs of one conversation never both go on), and the per-person lock
/// plus the search before create mean the same person on two channels never gets a second contact.
/// </summary>
internal sealed class CreateContactRun(
    WebsiteSettingsStore settingsStore,
    HeardConversations heard,
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
    IContactRunSchedule schedule,
    IRtmLeadership leadership,
    IOptions<Crisp.CrispOptions> options,
    TimeProvider clock,
    ILogger<CreateContactRun> logger)
{
    /// <summary>[guess] Crisp's reason for a conversation that does not exist (as the sandbox answers).</summary>
    private const string SessionNotFound = "session_not_found";

    /// <summary>A run of the conversation's job: <paramref name="attempt"/> says which, and whether another follows a failure.</summary>
    public Task<ActivityEntry?> RunAsync(ConversationKey conversation, ContactRunAttempt attempt, CancellationToken cancellationToken) =>
        RunAttemptAsync(conversation, attempt, cancellationToken);

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
    public Task RunAtWindowEndAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        Func<bool>? fence = options.Value.Events == Crisp.CrispEventSource.Rtm ? () => leadership.HoldsRtm : null;
        if (fence?.Invoke() == false)
            throw new RtmTermEndedException();
        return RunAttemptAsync(conversation, new ContactRunAttempt(IsLast: false) { Fence = fence }, cancellationToken);
    }

    /// <summary>
    /// A backfill's run of a past conversation (Backfill/BackfillJob): the same decision, with the channel
    /// and creation time from the conversation list instead of the window, and the visitor's details from
    /// the meta. Returns the entry recorded, or null when the conversation already had an outcome (then
    /// no Crisp call was made). A spent budget is thrown, not recorded: the backfill waits for it.
    /// </summary>
    public Task<ActivityEntry?> RunPastConversationAsync(string websiteId, string sessionId, PastConversation past, CancellationToken cancellationToken) =>
        RunAttemptAsync(new ConversationKey(websiteId, sessionId), new ContactRunAttempt(IsLast: true) { Past = past }, cancellationToken);

    private async Task<ActivityEntry?> RunAttemptAsync(ConversationKey conversation, ContactRunAttempt attempt, CancellationToken ct)
    {
        await using var _ = await LockConversationAsync(conversation, ct);
        if (await HasOutcomeAsync(conversation, ct))
            return null;

        var entry = NewEntry(conversation, attempt.Past);
        // The channel is known from the window, or learnt from the visitor's origin during the decision,
        // and the entry keeps it even when a later step fails.
        var channel = new StrongBox<string?>(entry.Channel);
        ContactOutcome outcome;
        UnrecordedContact? created;
        using (RestCallCounter.Begin(out var calls))
        {
            (outcome, created) = await OutcomeAsync(conversation, channel, attempt, ct);
            entry.RestCalls = calls.Calls + (created?.RestCalls ?? 0);
        }
        entry.Channel = channel.Value;
        entry.Outcome = outcome.Kind;
        entry.Reason = outcome.Reason;
        entry.PeopleId = outcome.PeopleId;
        entry.Placeholder = outcome.Placeholder;
        entry.At = clock.GetUtcNow();
        entry.ElapsedMs = entry.FirstMessageAt is { } first && attempt.Past is null ? (long)(entry.At - first).TotalMilliseconds : null;
        if (!await RecordAsync(conversation, entry, created, ct))
            return null;
        await AfterRecordAsync(conversation, entry, ct);
        return entry;
    }

    /// <summary>On PostgreSQL a database lock too: the conversation's other run may be on another node.</summary>
    private async Task<IHeldLock> LockConversationAsync(ConversationKey conversation, CancellationToken ct)
    {
        try
        {
            return await locks.AcquireAsync(conversation.LockKey, ct);
        }
        catch (Exception error) when (DatabaseFailure.Is(error))
        {
            throw Held(conversation, error);
        }
    }

    private async Task<bool> HasOutcomeAsync(ConversationKey conversation, CancellationToken ct)
    {
        try
        {
            if (!await activity.HasOutcomeAsync(conversation.WebsiteId, conversation.SessionId, ct))
                return false;
        }
        catch (Exception error) when (DatabaseFailure.Is(error))
        {
            throw Held(conversation, error);
        }
        logger.LogDebug("Conversation {SessionId} of website {WebsiteId} already has an outcome", conversation.SessionId, conversation.WebsiteId);
        unrecorded.Forget(conversation);
        return true;
    }

    private ActivityEntry NewEntry(ConversationKey conversation, PastConversation? past)
    {
        var tracked = heard.Get(conversation);
        if (tracked is not null)
            logger.LogDebug("Contact job for conversation {SessionId} started {DelayMs:0} ms after its first message",
                conversation.SessionId, (clock.GetUtcNow() - tracked.FirstMessageAt).TotalMilliseconds);
        return new ActivityEntry
        {
            WebsiteId = conversation.WebsiteId, SessionId = conversation.SessionId, Channel = tracked?.Channel ?? past?.Channel,
            FirstMessageAt = tracked?.FirstMessageAt ?? past?.CreatedAt, BackfillRunId = past?.RunId,
        };
    }

    /// <summary>
    /// The decision's outcome, with the contact an earlier run made and could not record when there is
    /// one. Failures Crisp explains are recorded, not retried: the HTTP client already retried them.
    /// The database failing is neither: the run is held until it works.
    /// </summary>
    private async Task<(ContactOutcome Outcome, UnrecordedContact? Created)> OutcomeAsync(
        ConversationKey conversation, StrongBox<string?> channel, ContactRunAttempt attempt, CancellationToken ct)
    {
        try
        {
            return await DecideOrRecallAsync(conversation, channel, attempt, ct);
        }
        catch (Exception error) when (DatabaseFailure.Is(error))
        {
            throw Held(conversation, error);
        }
        catch (CrispBudgetExhaustedException) when (attempt.Past is not null)
        {
            throw;
        }
        catch (CrispBudgetExhaustedException spent)
        {
            // Retrying does not help against a daily cap: run again when the budget is back.
            schedule.RunWhenBudgetResumes(conversation, spent.ResumesAt);
            return (ContactOutcome.Failed(ReasonCodes.BudgetExhausted), null);
        }
        catch (CrispApiException error)
        {
            return (ContactOutcome.Failed(error.IsUnauthorized ? ReasonCodes.Unauthorized : error.ReasonCode), null);
        }
        catch (Exception error) when (CrispTransientErrors.IsUnreachable(error))
        {
            return (ContactOutcome.Failed(ReasonCodes.CrispUnreachable), null);
        }
        catch (Exception error) when (error is not OperationCanceledException && attempt.IsLast)
        {
            // The type only: some exception messages quote the data they choked on.
            logger.LogError("Contact job for conversation {SessionId} of website {WebsiteId} failed with {ErrorType} on its last attempt",
                conversation.SessionId, conversation.WebsiteId, error.GetType().Name);
            return (ContactOutcome.Failed(ReasonCodes.InternalError), null);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Hangfire keeps a failed attempt's exception, message included, in hangfire.db and
            // its log before retrying; some messages quote the data they choked on, so it gets the type only.
            throw new InvalidOperationException($"Contact job attempt failed with {error.GetType().Name}; Hangfire runs it again.");
        }
    }

    /// <summary>
    /// A contact made by an earlier run whose entry the database refused is recorded <c>created</c>:
    /// searching again would say "existing". This process's memory first; the job storage only when
    /// the decision ends in "existing", the one outcome an unrecorded contact turns into "created".
    /// </summary>
    private async Task<(ContactOutcome, UnrecordedContact?)> DecideOrRecallAsync(
        ConversationKey conversation, StrongBox<string?> channel, ContactRunAttempt attempt, CancellationToken ct)
    {
        var created = unrecorded.Remembered(conversation);
        if (created is null)
        {
            var outcome = await DecideAsync(conversation, channel, attempt.Fence, ct);
            if (outcome.Kind != ActivityOutcome.Existing || unrecorded.Find(conversation) is not { } stored)
                return (outcome, null);
            created = stored;
        }
        return (ContactOutcome.Created(created.PeopleId, created.Placeholder, created.Reason), created);
    }

    /// <summary>
    /// Gathers what <see cref="ContactDecision"/> needs, step by step, and makes the Crisp calls it leads
    /// to. Sets the conversation's channel when the visitor's origin tells it (the window's is null).
    /// </summary>
    private async Task<ContactOutcome> DecideAsync(ConversationKey conversation, StrongBox<string?> knownChannel, Func<bool>? fence, CancellationToken ct)
    {
        var settings = await settingsStore.GetAsync(conversation.WebsiteId, ct);
        if (ContactDecision.BeforeDetails(settings, knownChannel.Value, heard.WasRemoved(conversation)) is { } early)
            return early;
        // Crisp refuses new contacts there now: recorded without spending a call on a contact it would refuse.
        var limit = settings.PreviewOnly ? null : await contactsLimit.ReadAsync(conversation.WebsiteId, ct);
        if (contactsLimit.Waits(limit))
            return ContactOutcome.Failed(ReasonCodes.ContactsLimit);
        if (await VisitorDetailsAsync(conversation, knownChannel.Value, settings, ct) is not { } details)
            return ContactOutcome.Skipped(ReasonCodes.ConversationRemoved);
        var skip = ContactDecision.WithDetails(settings, knownChannel.Value, details, conversation.SessionId, out var channel, out var identity);
        knownChannel.Value = channel;
        if (skip is not null)
            return skip;
        identity = await WithChannelUserIdAsync(conversation, identity!, details, channel!, ct);
        return await FindOrCreateAsync(conversation, new ContactToMake(settings, limit, details, identity, channel!), fence, ct);
    }

    /// <summary>
    /// The window's details from memory; the conversation meta over REST only when memory cannot
    /// answer (<see cref="ContactNeeds.NeedsConversationMeta"/>). Null when Crisp says the conversation
    /// does not exist: deleted before its job ran (and its <c>session:removed</c> missed, e.g. across a restart).
    /// </summary>
    private async Task<VisitorDetails?> VisitorDetailsAsync(ConversationKey conversation, string? channel, WebsiteSettings settings, CancellationToken ct)
    {
        var remembered = detailsStore.Get(conversation) ?? new VisitorDetails();
        if (!ContactNeeds.NeedsConversationMeta(remembered, channel, settings.EnrichGeolocation))
            return remembered;
        try
        {
            var meta = await crisp.GetConversationMetaAsync(conversation.WebsiteId, conversation.SessionId, ct);
            return meta.With(remembered);
        }
        catch (CrispApiException error) when (error.Status == System.Net.HttpStatusCode.NotFound && error.Reason == SessionNotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// A phone-less conversation whose visitor message was not heard with a user id (a catch-up, a
    /// backfill, or Crisp sends none): the conversation's messages may still carry the person's id on
    /// the channel. One call more.
    /// </summary>
    private async Task<ContactIdentity> WithChannelUserIdAsync(ConversationKey conversation, ContactIdentity identity, VisitorDetails details, string channel, CancellationToken ct)
    {
        if (identity.PhonelessPlaceholder is null || details.ChannelUserId is not null)
            return identity;
        return await VisitorUserIdAsync(conversation, ct) is { } userId
            ? ContactIdentity.Phoneless(PhonelessPlaceholder.For(channel, userId, conversation.SessionId))
            : identity;
    }

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

    /// <summary>Under the person's lock: the contact that exists already, or the one created now.</summary>
    private async Task<ContactOutcome> FindOrCreateAsync(ConversationKey conversation, ContactToMake contact, Func<bool>? fence, CancellationToken ct)
    {
        await using var personLock = await locks.AcquireAsync(contact.Identity.LockKey, ct, watched: true);
        var websiteId = conversation.WebsiteId;
        var recent = await RecentlyCreatedAsync(websiteId, contact.Identity, ct);
        var found = recent is null ? await search.FindAsync(websiteId, contact.Identity, contact.Channel, ct) : ProfileSearchResult.None;
        if (ContactDecision.AfterSearch(recent, found, contact.Settings.PreviewOnly) is { } matched)
            return matched;

        // Lost meanwhile (its database connection broke), another node may be deciding this person now:
        // the job is held and runs again, and its search then finds what that node made.
        personLock.ThrowIfLost();
        if (fence?.Invoke() == false)
            throw new RtmTermEndedException();
        // Limited: only the run that takes the website's one attempt of the hour (on any node) creates.
        if (await contactsLimit.StopsCreateAsync(contact.Limit, ct))
            return ContactOutcome.Failed(ReasonCodes.ContactsLimit);
        return await CreateAsync(websiteId, contact, found.Unseen, ct);
    }

    private async Task<ContactOutcome> CreateAsync(string websiteId, ContactToMake contact, string? unseen, CancellationToken ct)
    {
        var (identity, channel, settings) = (contact.Identity, contact.Channel, contact.Settings);
        try
        {
            var peopleId = await crisp.CreatePeopleProfileAsync(websiteId, ContactDecision.NewProfile(identity, contact.Details, channel, settings), ct);
            if (contact.Limit is not null)
                await contactsLimit.LiftedAsync(websiteId, ct);
            recentContacts.Remember(websiteId, identity, peopleId);
            await followUps.AfterCreateAsync(websiteId, peopleId, placeholder: identity.Email is null, channel, settings, ct);
            return ContactOutcome.Created(peopleId, placeholder: identity.Email is null, unseen);
        }
        catch (CrispApiException error) when (ContactsLimit.IsLimitRefusal(error))
        {
            await contactsLimit.RefusedAsync(websiteId, error, ct);
            return ContactOutcome.Failed(ReasonCodes.ContactsLimit);
        }
        catch (CrispApiException error) when (error.IsConflict)
        {
            if (contact.Limit is not null)
                await contactsLimit.AttemptUnusedAsync(websiteId, ct);
            // The email is taken (another process, or a profile the search could not see yet): it
            // exists. A read by email is immediate and links the entry to it.
            return ContactOutcome.Existing((await crisp.GetPeopleProfileAsync(websiteId, identity.ProfileEmail(channel), ct))?.PeopleId, ReasonCodes.Conflict);
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
    /// False when another run recorded the conversation's outcome first. Whatever stops the entry — the
    /// database failing, or the process stopping meanwhile — the contact this run made must be recorded
    /// "created" by the next run, not found as "existing".
    /// </summary>
    private async Task<bool> RecordAsync(ConversationKey conversation, ActivityEntry entry, UnrecordedContact? created, CancellationToken ct)
    {
        bool recorded;
        try
        {
            recorded = await activity.RecordAsync(entry, ct);
        }
        catch (Exception error)
        {
            if (entry.Outcome == ActivityOutcome.Created && entry.PeopleId is not null)
                unrecorded.Keep(conversation, new UnrecordedContact(entry.PeopleId, entry.RestCalls, entry.Reason, entry.Placeholder));
            if (DatabaseFailure.Is(error))
                throw Held(conversation, error);
            throw;
        }
        unrecorded.Forget(conversation, stored: created is not null);
        if (!recorded)
            logger.LogDebug("Conversation {SessionId} of website {WebsiteId} already had an outcome; {Outcome} not recorded",
                conversation.SessionId, conversation.WebsiteId, entry.Outcome);
        return recorded;
    }

    private async Task AfterRecordAsync(ConversationKey conversation, ActivityEntry entry, CancellationToken ct)
    {
        // A real email that came while the job ran (the decision did not have it) mends the placeholder now.
        if (entry.Placeholder && detailsStore.Get(conversation)?.Email is not null)
            await placeholderMends.EmailArrivedAsync(conversation, ct);
        if (entry.Outcome != ActivityOutcome.Failed)
            detailsStore.Forget(conversation);
        // Two templates: an outcome without a reason must not leave an empty field and a doubled space.
        if (entry.Reason is { } reason)
            logger.LogInformation("Conversation {SessionId} of website {WebsiteId} on {Channel}: {Outcome}, {Reason} ({RestCalls} Crisp calls)",
                entry.SessionId, entry.WebsiteId, entry.Channel, entry.Outcome.Code(), reason, entry.RestCalls);
        else
            logger.LogInformation("Conversation {SessionId} of website {WebsiteId} on {Channel}: {Outcome} ({RestCalls} Crisp calls)",
                entry.SessionId, entry.WebsiteId, entry.Channel, entry.Outcome.Code(), entry.RestCalls);
    }

    /// <summary>The settings and activity database (richcontact.db or PostgreSQL) failed: logged (the type only), and the run is held rather than failed.</summary>
    private DatabaseHeldException Held(ConversationKey conversation, Exception error)
    {
        logger.LogWarning("Contact job for conversation {SessionId} of website {WebsiteId} held: the settings and activity database failed with {ErrorType}; it runs again until the database works",
            conversation.SessionId, conversation.WebsiteId, error.GetBaseException().GetType().Name);
        return new DatabaseHeldException(error);
    }

    /// <summary>What the decision settled before the search: the contact to find, or else to make.</summary>
    private sealed record ContactToMake(WebsiteSettings Settings, WebsiteLimit? Limit, VisitorDetails Details, ContactIdentity Identity, string Channel);
}
