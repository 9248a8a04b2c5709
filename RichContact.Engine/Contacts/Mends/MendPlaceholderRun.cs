using Microsoft.Extensions.Logging;
using RichContact.Engine.Activity;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Settings;

namespace RichContact.Engine.Contacts;

/// <summary>
/// Puts a conversation's real email on the contact Rich Contact created for it with a placeholder.
/// Only the email changes (a PATCH with the email alone), and only while the contact still has the
/// placeholder: a name, phone or segment an agent edited, or an email an agent set, stay as they are.
/// When another contact already has the email, nothing changes and the entry says <c>email_taken</c>.
/// The email comes from memory, else from the conversation meta. Its Hangfire job is
/// <see cref="MendPlaceholderJob"/>, which Hangfire retries when it throws.
/// </summary>
internal sealed class MendPlaceholderRun(
    WebsiteSettingsStore settingsStore,
    ActivityLog activity,
    VisitorDetailsStore detailsStore,
    CrispClient crisp,
    DedupMode dedupMode,
    Nodes.IContactLocks locks,
    IMendSchedule schedule,
    TimeProvider clock,
    ILogger<MendPlaceholderRun> logger)
{
    public async Task RunAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        var (websiteId, sessionId) = (conversation.WebsiteId, conversation.SessionId);
        await using var _ = await locks.AcquireAsync("mend:" + conversation.LockKey, cancellationToken);
        var settings = await settingsStore.GetAsync(websiteId, cancellationToken);
        if (!settings.Enabled || !settings.MendPlaceholders)
            return;
        if (await activity.UnmendedPlaceholderAsync(websiteId, sessionId, cancellationToken) is not { PeopleId: { } peopleId } created)
            return;

        var entry = new ActivityEntry
        {
            WebsiteId = websiteId, SessionId = sessionId, Channel = created.Channel, Outcome = ActivityOutcome.Mend,
            PeopleId = peopleId, FirstMessageAt = created.FirstMessageAt,
        };
        using (RestCallCounter.Begin(out var calls))
        {
            try
            {
                if (await RealEmailAsync(conversation, cancellationToken) is not { } email)
                    return; // the email was taken back before the job ran: nothing to mend
                entry.Reason = await MendAsync(websiteId, peopleId, email, cancellationToken);
            }
            catch (CrispBudgetExhaustedException spent)
            {
                schedule.RunWhenBudgetResumes(conversation, spent.ResumesAt);
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Hangfire keeps a failed attempt's message: the type only, as the contact job does.
                throw new InvalidOperationException($"Placeholder mend attempt failed with {error.GetType().Name}; Hangfire retries it.");
            }
            entry.RestCalls = calls.Calls;
        }
        entry.At = clock.GetUtcNow();
        await activity.RecordAsync(entry, cancellationToken);
        detailsStore.Forget(conversation);
        // The reason says why nothing changed (email_taken...); none means the email was mended.
        logger.LogInformation("Placeholder contact of conversation {SessionId} of website {WebsiteId}: {Result} ({RestCalls} Crisp calls)",
            sessionId, websiteId, entry.Reason ?? "mended", entry.RestCalls);
    }

    private async Task<string?> RealEmailAsync(ConversationKey conversation, CancellationToken ct)
    {
        if (RealEmail(detailsStore.Get(conversation)?.Email) is { } remembered)
            return remembered;
        var meta = await crisp.GetConversationMetaAsync(conversation.WebsiteId, conversation.SessionId, ct);
        return RealEmail(meta.Email);
    }

    private static string? RealEmail(string? email) =>
        ContactIdentity.NormaliseEmail(email) is { } normalised && !ContactIdentity.IsPlaceholder(normalised) ? normalised : null;

    /// <summary>Null when the contact now has the real email; else the reason nothing changed.</summary>
    private async Task<string?> MendAsync(string websiteId, string peopleId, string email, CancellationToken ct)
    {
        // Without a phone search, the placeholder is the only way the next conversation of this person
        // (on any channel) finds the contact: replacing it would make a duplicate later.
        if (dedupMode.Phone is PhoneSearch.Refused or PhoneSearch.Ignored || !dedupMode.EmailSearchWorks)
            return ReasonCodes.PhoneNotSearchable;
        var contact = await crisp.GetPeopleProfileAsync(websiteId, peopleId, ct);
        if (contact is null)
            return ReasonCodes.ProfileRemoved;
        // An earlier attempt set it, and then its entry could not be written.
        if (string.Equals(contact.Email?.Trim(), email, StringComparison.OrdinalIgnoreCase))
            return null;
        if (contact.Email is null || !ContactIdentity.IsPlaceholder(contact.Email))
            return ReasonCodes.EmailChanged;
        // What Crisp does with a PATCH to an email another profile has is not documented; a read by email is.
        if (await crisp.GetPeopleProfileAsync(websiteId, email, ct) is not null)
            return ReasonCodes.EmailTaken;
        try
        {
            await crisp.UpdatePeopleProfileEmailAsync(websiteId, peopleId, email, ct);
            return null;
        }
        catch (CrispApiException error) when (error.IsConflict)
        {
            return ReasonCodes.EmailTaken;
        }
    }
}
