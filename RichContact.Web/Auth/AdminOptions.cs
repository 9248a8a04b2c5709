namespace RichContact.Web.Auth;

/// <summary>Configuration section <c>RichContact:Admin</c>: the portal's single admin account.</summary>
public sealed class AdminOptions
{
    public const string Section = "RichContact:Admin";

    /// <summary>
    /// The admin password. Empty: the first start generates one, prints it once on the console and
    /// keeps only its PBKDF2 hash in the data directory (<c>admin.json</c>).
    /// </summary>
    public string? Password { get; set; }

    /// <summary>Failed logins in a row before the account is locked.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a lockout lasts.</summary>
    public int LockoutMinutes { get; set; } = 5;
}
