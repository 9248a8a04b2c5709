using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Nodes;

namespace RichContact.Engine.Contacts;

/// <summary>
/// Crisp's plan limits: a plan caps the people profiles of a website, placeholder contacts included.
/// Which answer Crisp gives at the cap is not documented (docs/crisp.md): any refusal of a create that
/// is neither invalid data nor an existing email — a 402, 403 or 423, or a reason naming a limit or a
/// quota — stops creates on the website, on every node (<see cref="IWebsiteLimits"/>). Its conversations
/// are then recorded failed with <see cref="ReasonCodes.ContactsLimit"/> without a Crisp call, and one
/// create is tried again after <see cref="ContactJobOptions.LimitRetrySeconds"/> (or as soon as the
/// owner saves the website's settings); the first that goes through lifts the limit.
/// </summary>
public sealed class ContactsLimit(IWebsiteLimits limits, IOptions<ContactJobOptions> options, TimeProvider clock, ILogger<ContactsLimit> logger)
{
    /// <summary>Whether a refused create says the website may not have more contacts now, rather than something about this one.</summary>
    public static bool IsLimitRefusal(CrispApiException error)
    {
        if (error.IsConflict || error.IsUnauthorized || CrispTransientErrors.IsRetryable(error.Status) || error.Reason == "invalid_data")
            return false;
        return (int)error.Status is 402 or 403 or 423 || NamesALimit(error.Reason);
    }

    private static bool NamesALimit(string? reason) =>
        reason is not null && (reason.Contains("limit", StringComparison.OrdinalIgnoreCase) || reason.Contains("quota", StringComparison.OrdinalIgnoreCase));

    /// <summary>The website's limit, or null when Crisp accepts new contacts there (as far as anyone learnt).</summary>
    public async Task<WebsiteLimit?> ReadAsync(string websiteId, CancellationToken ct) => await limits.GetAsync(websiteId, ct);

    /// <summary>True when <paramref name="limit"/> stops the create now: no attempt is due, or another run took it.</summary>
    public async Task<bool> StopsCreateAsync(WebsiteLimit? limit, CancellationToken ct)
    {
        if (limit is null)
            return false;
        var now = clock.GetUtcNow();
        return limit.NextAttemptAt > now || !await limits.TryTakeAttemptAsync(limit.WebsiteId, now, now + options.Value.LimitRetry, ct);
    }

    /// <summary>Quick check before any call: the website is limited and its next attempt is not due.</summary>
    public bool Waits(WebsiteLimit? limit) => limit is not null && limit.NextAttemptAt > clock.GetUtcNow();

    /// <summary>Crisp refused the create for a limit: creates stop on the website until the next attempt.</summary>
    public async Task RefusedAsync(string websiteId, CrispApiException error, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await limits.SetAsync(websiteId, error.ReasonCode, now, now + options.Value.LimitRetry, ct);
        logger.LogWarning("Crisp refused a new contact on website {WebsiteId} ({ReasonCode}): creates stop there, one is tried again in {Minutes:0} min",
            websiteId, error.ReasonCode, options.Value.LimitRetry.TotalMinutes);
    }

    /// <summary>A create went through on a website that was limited: the limit has lifted.</summary>
    public async Task LiftedAsync(string websiteId, CancellationToken ct)
    {
        await limits.LiftAsync(websiteId, ct);
        logger.LogInformation("Crisp accepts new contacts on website {WebsiteId} again; the conversations refused meanwhile can be given theirs from its past-conversations page", websiteId);
    }

    /// <summary>The attempt taken made no create (the email existed): the next conversation may try at once.</summary>
    public Task AttemptUnusedAsync(string websiteId, CancellationToken ct) => limits.SetNextAttemptAsync(websiteId, clock.GetUtcNow(), ct);

    /// <summary>Every limited website (the portal's banners, the metric).</summary>
    public Task<IReadOnlyList<WebsiteLimit>> AllAsync(CancellationToken ct = default) => limits.AllAsync(ct);
}
