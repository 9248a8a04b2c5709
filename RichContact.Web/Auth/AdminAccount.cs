using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RichContact.Engine.Nodes;
using RichContact.Engine.Storage;

namespace RichContact.Web.Auth;

/// <summary>
/// The portal's one admin account: checks a password against the configured one or against the
/// hash in <c>admin.json</c> (a file of the data directory, or on PostgreSQL a row all nodes share:
/// <see cref="NodeState"/>). Guessing is slowed per client by <see cref="LoginThrottle"/>.
/// </summary>
public sealed class AdminAccount(IOptions<AdminOptions> adminOptions, NodeState state)
{
    private PasswordHash? _stored;
    private string? _stamp;

    /// <summary>Where the generated password's hash is kept, for the message that tells how to generate a new one.</summary>
    public string StoreDescription => state.IsShared ? state.Where(DataDirectory.AdminAccountFileName) : $"{DataDirectory.AdminAccountFileName} in the data directory";

    private string? ConfiguredPassword =>
        string.IsNullOrEmpty(adminOptions.Value.Password) ? null : adminOptions.Value.Password;

    /// <summary>
    /// When no password is configured and none was generated yet, generates one, stores its hash and
    /// returns it so that the caller can show it once. Otherwise null.
    /// </summary>
    public string? EnsurePassword()
    {
        if (ConfiguredPassword is not null || state.Read(DataDirectory.AdminAccountFileName) is not null)
            return null;
        var password = PasswordHash.GeneratePassword();
        // Atomic: a half-written admin.json would stop every login and block generating a new one.
        // Only when none is kept: on PostgreSQL, of nodes starting together one writes it and prints it.
        return state.TryCreate(DataDirectory.AdminAccountFileName, JsonSerializer.Serialize(PasswordHash.Create(password))) ? password : null;
    }

    public bool Verify(string? password) => !string.IsNullOrEmpty(password) && Matches(password);

    /// <summary>
    /// Changes when the password changes, and reveals nothing usable about it: it travels in the
    /// login cookie (<see cref="AdminSessions"/>). From admin.json: the random stamp stored beside the hash.
    /// From the configuration: a PBKDF2 derivation of its own (a plain hash of a password would be a fast guess target).
    /// </summary>
    public string SecurityStamp() => _stamp ??= ComputeStamp();

    private string ComputeStamp()
    {
        byte[] material;
        if (ConfiguredPassword is { } configured)
            material = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(configured), SHA256.HashData("RichContact admin session stamp"u8), 210_000, HashAlgorithmName.SHA256, 32);
        else if (Stored() is { Stamp: { } random })
            return random;
        else
            // admin.json written before the stamp was stored beside the hash.
            material = Encoding.UTF8.GetBytes(Stored() is { } stored ? $"{stored.Algorithm}:{stored.Iterations}:{stored.Salt}:{stored.Hash}" : "no password");
        return Convert.ToBase64String(SHA256.HashData(material), 0, 16);
    }

    private PasswordHash? Stored() =>
        _stored ??= state.Read(DataDirectory.AdminAccountFileName) is { } stored ? JsonSerializer.Deserialize<PasswordHash>(stored) : null;

    private bool Matches(string password)
    {
        if (ConfiguredPassword is { } configured)
        {
            // Hash both sides so that the comparison is constant-time whatever the lengths.
            return CryptographicOperations.FixedTimeEquals(
                SHA256.HashData(Encoding.UTF8.GetBytes(configured)), SHA256.HashData(Encoding.UTF8.GetBytes(password)));
        }
        return Stored()?.Verify(password) ?? false;
    }
}
