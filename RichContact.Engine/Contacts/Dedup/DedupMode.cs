using Microsoft.Extensions.Logging;

namespace RichContact.Engine.Contacts;

/// <summary>
/// Which way of finding an existing contact is in force. Crisp documents the <c>email</c> search
/// criterion only; whether it filters on <c>person.phone</c> is unknown (docs/crisp.md), so the search
/// finds out from Crisp's answers and remembers, for every website of this process (it is Crisp's
/// behaviour, not a website's): a refused or ignored phone filter is not paid for again on every
/// contact, and tried again after <see cref="RecheckAfter"/>, in case Crisp changed.
/// </summary>
public sealed class DedupMode(TimeProvider clock, ILogger<DedupMode> logger)
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();

    public event Action? Changed;

    public PhoneSearch Phone { get; private set; }

    /// <summary>False when Crisp refuses or drops even the email criterion: only reads by exact email remain.</summary>
    public bool EmailSearchWorks { get; private set; } = true;

    /// <summary>When the current state was learned.</summary>
    public DateTimeOffset? Since { get; private set; }

    /// <summary>Whether the next search should name <c>person.phone</c>: unless Crisp said no within the last hour.</summary>
    public bool TryPhoneSearch
    {
        get
        {
            lock (_gate)
                return Phone is PhoneSearch.Untried or PhoneSearch.Answered || clock.GetUtcNow() - Since >= RecheckAfter;
        }
    }

    /// <summary>Whether the next search should use the email criterion at all.</summary>
    public bool TryEmailSearch
    {
        get
        {
            lock (_gate)
                return EmailSearchWorks || clock.GetUtcNow() - Since >= RecheckAfter;
        }
    }

    public void PhoneSearchAnswered() => Set(PhoneSearch.Answered, emailSearchWorks: true);

    public void PhoneSearchRefused() => Set(PhoneSearch.Refused, EmailSearchWorks);

    public void PhoneSearchIgnored() => Set(PhoneSearch.Ignored, EmailSearchWorks);

    public void EmailSearchAnswered() => Set(Phone, emailSearchWorks: true);

    public void EmailSearchFailed() => Set(Phone, emailSearchWorks: false);

    private void Set(PhoneSearch phone, bool emailSearchWorks)
    {
        lock (_gate)
        {
            var unchanged = Phone == phone && EmailSearchWorks == emailSearchWorks;
            // A repeated finding restarts the hour, so that a recheck that failed again waits another hour.
            Since = clock.GetUtcNow();
            if (unchanged)
                return;
            Phone = phone;
            EmailSearchWorks = emailSearchWorks;
        }
        if (!emailSearchWorks)
            logger.LogWarning("Crisp's people search did not apply the email criterion: contacts are found by exact email only, tried again in {Recheck}", RecheckAfter);
        else if (phone is PhoneSearch.Refused or PhoneSearch.Ignored)
            logger.LogWarning("Crisp {Verdict} the person.phone search criterion: contacts are found by email and by the placeholders Rich Contact made, tried again in {Recheck}",
                phone == PhoneSearch.Refused ? "refused" : "ignored", RecheckAfter);
        else
            logger.LogInformation("Crisp's people search: phone {Phone}, email criterion applied", phone);
        Changed?.Invoke();
    }
}
