using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RichContact.Engine;
using RichContact.Engine.Storage;

namespace RichContact.Web.Auth;

public enum LoginResult
{
    Success,
    WrongPassword,
    LockedOut,
}

/// <summary>
/// The portal's one admin account: checks a password against the configured one or against the
/// hash in <c>admin.json</c>, and locks the account after repeated failures.
/// </summary>
public sealed class AdminAccount(IOptions<AdminOptions> adminOptions, IOptions<RichContactOptions> options, TimeProvider time)
{
    public const string FileName = "admin.json";

    private readonly Lock _gate = new();
    private int _failures;
    private DateTimeOffset _lockedUntil = DateTimeOffset.MinValue;
    private PasswordHash? _stored;

    private string StorePath => options.Value.DataPath(FileName);

    private string? ConfiguredPassword =>
        string.IsNullOrEmpty(adminOptions.Value.Password) ? null : adminOptions.Value.Password;

    /// <summary>
    /// When no password is configured and none was generated yet, generates one, stores its hash and
    /// returns it so that the caller can show it once. Otherwise null.
    /// </summary>
    public string? EnsurePassword()
    {
        if (ConfiguredPassword is not null || File.Exists(StorePath))
            return null;
        var password = PasswordHash.GeneratePassword();
        // Atomic: a half-written admin.json would stop every login and block generating a new one.
        DataFile.AtomicWriteAllText(DataFile.InDataDirectory(options.Value, FileName), JsonSerializer.Serialize(PasswordHash.Create(password)));
        return password;
    }

    public LoginResult Verify(string? password)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (now < _lockedUntil)
                return LoginResult.LockedOut;
        }

        var ok = !string.IsNullOrEmpty(password) && Matches(password);
        lock (_gate)
        {
            if (ok)
            {
                _failures = 0;
                return LoginResult.Success;
            }
            if (++_failures >= adminOptions.Value.MaxFailedAttempts)
            {
                _failures = 0;
                _lockedUntil = now.AddMinutes(adminOptions.Value.LockoutMinutes);
                return LoginResult.LockedOut;
            }
            return LoginResult.WrongPassword;
        }
    }

    private bool Matches(string password)
    {
        if (ConfiguredPassword is { } configured)
        {
            // Hash both sides so that the comparison is constant-time whatever the lengths.
            return CryptographicOperations.FixedTimeEquals(
                SHA256.HashData(Encoding.UTF8.GetBytes(configured)), SHA256.HashData(Encoding.UTF8.GetBytes(password)));
        }
        _stored ??= File.Exists(StorePath) ? JsonSerializer.Deserialize<PasswordHash>(File.ReadAllText(StorePath)) : null;
        return _stored?.Verify(password) ?? false;
    }
}
