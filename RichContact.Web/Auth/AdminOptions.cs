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

    /// <summary>A configured password shorter than this stops the app at start.</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>
    /// What encrypts the login cookie's key ring (<see cref="KeyRingSecret"/>): <c>secret:&lt;text&gt;</c>
    /// (at least 32 characters, e.g. from the environment), <c>file:&lt;path&gt;</c> (a key file kept
    /// apart from the data) or <c>certificate:&lt;path&gt;</c> (a PEM file: an RSA certificate and its key). Empty: a key file in the data directory (<c>keys.secret</c>), on one
    /// node only; with PostgreSQL it must be set, the same on every node.
    /// </summary>
    public string? KeyProtection { get; set; }

    /// <summary>Wrong passwords in a row one client may try before it must wait between tries (<see cref="LoginThrottle"/>).</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>The longest wait between a throttled client's tries; the wait starts at 1 s and doubles up to it.</summary>
    public int LockoutMinutes { get; set; } = 5;

    /// <summary>How long a login lasts at most, however active (<see cref="AdminSessions"/>).</summary>
    public int SessionLifetimeDays { get; set; } = 7;
}
