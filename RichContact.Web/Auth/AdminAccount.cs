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
/// The stored hash and its stamp are kept in memory for speed; a new hash is announced to every node
/// (<see cref="IStateChanges"/>), which drops its copy, so that a new password ends the old one's
/// sessions on every node within a second.
/// </summary>
public sealed class AdminAccount
{
    /// <summary>The <see cref="IStateChanges"/> topic of the stored password.</summary>
    public const string ChangeTopic = "admin";

    private readonly IOptions<AdminOptions> adminOptions;
    private readonly NodeState state;
    private readonly IStateChanges changes;
    private readonly TimeProvider clock;
    private readonly Lock _gate = new();
    private Copy? _copy;
    /// <summary>The last copy read, kept through a change heard: what the portal uses while the database is away.</summary>
    private Copy? _lastRead;
    /// <summary>Moves on every change heard: a read that started before it is used once, not kept.</summary>
    private long _generation;

    /// <summary>What was read of the stored hash, and the stamp made of it (computed on first use).</summary>
    private sealed class Copy(PasswordHash? stored, long readAtTicks)
    {
        public PasswordHash? Stored { get; } = stored;
        public long ReadAtTicks { get; } = readAtTicks;
        public string? Stamp { get; set; }
    }

    public AdminAccount(IOptions<AdminOptions> adminOptions, NodeState state, IStateChanges changes, TimeProvider clock)
    {
        this.adminOptions = adminOptions;
        this.state = state;
        this.changes = changes;
        this.clock = clock;
        changes.Subscribe(ChangeTopic, _ => { lock (_gate) { _copy = null; _generation++; } });
    }

    /// <summary>Where the generated password's hash is kept, for the message that tells how to generate a new one.</summary>
    public string StoreDescription => state.Where(DataDirectory.AdminAccountFileName);

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
        if (!state.TryCreate(DataDirectory.AdminAccountFileName, JsonSerializer.Serialize(PasswordHash.Create(password))))
            return null;
        // Every node drops the hash it knew (a new one after the old was deleted): the old sessions end.
        changes.AnnounceAsync(ChangeTopic, DataDirectory.AdminAccountFileName).GetAwaiter().GetResult();
        return password;
    }

    public bool Verify(string? password) => !string.IsNullOrEmpty(password) && Matches(password);

    /// <summary>
    /// Changes when the password changes, and reveals nothing usable about it: it travels in the
    /// login cookie (<see cref="AdminSessions"/>). From admin.json: the random stamp stored beside the hash.
    /// From the configuration: a PBKDF2 derivation of its own (a plain hash of a password would be a fast guess target).
    /// </summary>
    public string SecurityStamp()
    {
        var copy = Current();
        if (copy.Stamp is { } stamp)
            return stamp;
        return copy.Stamp = ComputeStamp(copy.Stored);
    }

    private string ComputeStamp(PasswordHash? stored)
    {
        byte[] material;
        if (ConfiguredPassword is { } configured)
            material = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(configured), SHA256.HashData("RichContact admin session stamp"u8), 210_000, HashAlgorithmName.SHA256, 32);
        else if (Stored() is { Stamp: { } random })
            return random;
        else
            // admin.json written before the stamp was stored beside the hash.
            material = Encoding.UTF8.GetBytes(stored is not null ? $"{stored.Algorithm}:{stored.Iterations}:{stored.Salt}:{stored.Hash}" : "no password");
        return Convert.ToBase64String(SHA256.HashData(material), 0, 16);
    }

    private PasswordHash? Stored() => Current().Stored;

    /// <summary>The copy in memory, read again when a change was heard or it is older than the copies' lifetime.</summary>
    private Copy Current()
    {
        var now = clock.GetUtcNow().UtcTicks;
        long generation;
        lock (_gate)
        {
            if (_copy is { } copy && (changes.CopyLifetime == Timeout.InfiniteTimeSpan || now - copy.ReadAtTicks < changes.CopyLifetime.Ticks))
                return copy;
            generation = _generation;
        }
        PasswordHash? stored;
        try
        {
            stored = ConfiguredPassword is null && state.Read(DataDirectory.AdminAccountFileName) is { } text ? JsonSerializer.Deserialize<PasswordHash>(text) : null;
        }
        catch (IOException) when (Volatile.Read(ref _lastRead) is { } stale)
        {
            // PostgreSQL is away: the portal keeps working with the hash read last, until it answers.
            return stale;
        }
        var read = new Copy(stored, now);
        Volatile.Write(ref _lastRead, read);
        lock (_gate)
        {
            if (_generation == generation)
                _copy = read;
        }
        return read;
    }

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
