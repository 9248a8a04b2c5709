namespace RichContact.Sandbox;

/// <summary>
/// The readings of a website's people limit (<c>PUT /_sandbox/websites/{website_id}/people-limit</c>):
/// what Crisp may answer a create once the website's plan has as many contacts as it allows, or the
/// website is suspended. Crisp documents the cap, not the answer (docs/crisp.md): each reading is one
/// plausible status and reason, and the engine's tests run under each.
/// </summary>
public static class PeopleLimitReadings
{
    /// <summary>No limit: creates are answered.</summary>
    public const string None = "none";
    /// <summary>402 <c>plan_limit_reached</c>.</summary>
    public const string PlanLimit = "plan_limit";
    /// <summary>402 <c>subscription_upgrade_required</c>.</summary>
    public const string UpgradeRequired = "upgrade_required";
    /// <summary>403 <c>contacts_limit</c>.</summary>
    public const string ContactsLimit = "contacts_limit";
    /// <summary>403 <c>quota_exceeded</c>.</summary>
    public const string QuotaExceeded = "quota_exceeded";
    /// <summary>423 <c>website_suspended</c>.</summary>
    public const string Suspended = "suspended";
    /// <summary>400 <c>people_limit_exceeded</c>: a status that says nothing, a reason that names the limit.</summary>
    public const string NamedLimit = "named_limit";

    /// <summary>Every reading that refuses a create.</summary>
    public static readonly IReadOnlyList<string> Refusing = [PlanLimit, UpgradeRequired, ContactsLimit, QuotaExceeded, Suspended, NamedLimit];

    /// <summary>The status and reason a create gets under <paramref name="reading"/>; null when it is answered (or the reading is unknown).</summary>
    public static (int Status, string Reason)? Answer(string? reading) => reading switch
    {
        PlanLimit => (402, "plan_limit_reached"),
        UpgradeRequired => (402, "subscription_upgrade_required"),
        ContactsLimit => (403, "contacts_limit"),
        QuotaExceeded => (403, "quota_exceeded"),
        Suspended => (423, "website_suspended"),
        NamedLimit => (400, "people_limit_exceeded"),
        _ => null,
    };

    public static bool IsKnown(string? reading) => reading == None || Answer(reading) is not null;
}
