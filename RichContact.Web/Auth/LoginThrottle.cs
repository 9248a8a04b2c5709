using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace RichContact.Web.Auth;

/// <summary>
/// Slows password guessing per client, never the owner: each client (IP address; an IPv6 /64, which
/// one host usually holds whole) gets <see cref="AdminOptions.MaxFailedAttempts"/> free wrong
/// passwords, then waits before each further try — 1 s, doubling up to
/// <see cref="AdminOptions.LockoutMinutes"/>. A client that has not failed is never delayed by a
/// stranger elsewhere: one global counter let anyone keep the only admin out.
/// <para>
/// Fresh addresses are cheap (an IPv6 /48 holds 65,536 /64s), so each client's network (an IPv4 /24,
/// an IPv6 /48) is throttled the same way with <see cref="NetworkFactor"/> times the free attempts.
/// The tables are bounded: when one is full, entries still within their free attempts are forgotten
/// (a fresh address has as many), never one that is being made to wait; if only those are left,
/// newcomers share one try a second until entries expire. A flood costs its sender: it frees no
/// address that was being made to wait, and the memory stays bounded.
/// </para>
/// An attempt counts as a failure from the moment it begins (<see cref="TryBegin"/>), under one
/// lock, so guesses sent in parallel get no more password checks than guesses sent one by one.
/// </summary>
public sealed class LoginThrottle(IOptions<AdminOptions> options, TimeProvider time, int capacity = LoginThrottle.DefaultCapacity)
{
    /// <summary>Clients (and, apart, networks) remembered at most.</summary>
    public const int DefaultCapacity = 10_000;

    /// <summary>A network gets this many times a client's free attempts: a few people behind one NAT may all mistype.</summary>
    public const int NetworkFactor = 10;

    /// <summary>A client quiet this long starts again with its free attempts.</summary>
    internal static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);

    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Failures> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Failures> _networks = new(StringComparer.Ordinal);
    // While the tables hold only throttled entries: the next moment a newcomer may try.
    private DateTimeOffset _newcomersNotBefore;

    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset NotBefore;
        public DateTimeOffset LastAttempt;
    }

    /// <summary>
    /// True when the client may try a password now; the try counts as a failure until
    /// <see cref="Succeeded"/>. False with how long the client must still wait.
    /// </summary>
    public bool TryBegin(IPAddress? address, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        var free = options.Value.MaxFailedAttempts;
        lock (_gate)
        {
            var client = Live(_clients, ClientOf(address), now);
            var network = Live(_networks, NetworkOf(address), now);
            var notBefore = Max(client?.NotBefore, network?.NotBefore);
            if (now < notBefore)
            {
                retryAfter = notBefore - now;
                return false;
            }
            if ((client is null && _clients.Count >= capacity) || (network is null && _networks.Count >= capacity))
            {
                if (now < _newcomersNotBefore)
                {
                    retryAfter = _newcomersNotBefore - now;
                    return false;
                }
                MakeRoom(_clients, free, now);
                MakeRoom(_networks, free * NetworkFactor, now);
                if ((client is null && _clients.Count >= capacity) || (network is null && _networks.Count >= capacity))
                {
                    // Every entry is one being made to wait: none is forgotten, newcomers queue instead.
                    _newcomersNotBefore = now + FirstDelay;
                    retryAfter = TimeSpan.Zero;
                    return true;
                }
            }
            Fail(client ??= _clients[ClientOf(address)] = new Failures(), free, now);
            Fail(network ??= _networks[NetworkOf(address)] = new Failures(), free * NetworkFactor, now);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    /// <summary>Clients remembered now.</summary>
    public int ClientCount
    {
        get { lock (_gate) return _clients.Count; }
    }

    /// <summary>The right password: the client's failures, and its network's, are forgotten.</summary>
    public void Succeeded(IPAddress? address)
    {
        lock (_gate)
        {
            _clients.Remove(ClientOf(address));
            _networks.Remove(NetworkOf(address));
        }
    }

    /// <summary>The wait after the <paramref name="failures"/>-th failure in a row of a client.</summary>
    internal TimeSpan Delay(int failures) => Delay(failures, options.Value.MaxFailedAttempts);

    private TimeSpan Delay(int failures, int free)
    {
        var beyondFree = failures - free;
        if (beyondFree < 0)
            return TimeSpan.Zero;
        var longest = TimeSpan.FromMinutes(options.Value.LockoutMinutes);
        return TimeSpan.FromTicks(Math.Min(FirstDelay.Ticks << Math.Min(beyondFree, 30), longest.Ticks));
    }

    private void Fail(Failures failures, int free, DateTimeOffset now)
    {
        failures.Count++;
        failures.LastAttempt = now;
        failures.NotBefore = now + Delay(failures.Count, free);
    }

    /// <summary>The throttled client of an address: IPv6 cut to its /64.</summary>
    internal static string ClientOf(IPAddress? address) => Prefix(address, 32, 64);

    /// <summary>The coarser network of an address: an IPv4 /24, an IPv6 /48.</summary>
    internal static string NetworkOf(IPAddress? address) => Prefix(address, 24, 48);

    private static string Prefix(IPAddress? address, int ipv4Bits, int ipv6Bits)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        var bits = address.AddressFamily == AddressFamily.InterNetworkV6 ? ipv6Bits : ipv4Bits;
        if (bits == 32)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, bits / 8, bytes.Length - bits / 8);
        return $"{new IPAddress(bytes)}/{bits}";
    }

    private static Failures? Live(Dictionary<string, Failures> table, string key, DateTimeOffset now)
    {
        if (!table.TryGetValue(key, out var failures))
            return null;
        if (now - failures.LastAttempt < ForgetAfter)
            return failures;
        table.Remove(key);
        return null;
    }

    /// <summary>
    /// Under <see cref="_gate"/>, when a table is full: forgets the entries a day quiet and those still
    /// within their free attempts — a fresh address is worth as much — but none that must wait.
    /// </summary>
    private static void MakeRoom(Dictionary<string, Failures> table, int free, DateTimeOffset now)
    {
        foreach (var (key, failures) in table.ToList())
            if (now - failures.LastAttempt >= ForgetAfter || failures.Count < free)
                table.Remove(key);
    }

    private static DateTimeOffset Max(DateTimeOffset? a, DateTimeOffset? b) =>
        new[] { a ?? DateTimeOffset.MinValue, b ?? DateTimeOffset.MinValue }.Max();
}
