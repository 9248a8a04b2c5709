using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace RichContact.Web.Auth;

/// <summary>
/// Slows password guessing per client, never the owner: each client (IP address; an IPv6 /64, which
/// one host usually holds whole) gets <see cref="AdminOptions.MaxFailedAttempts"/> free wrong
/// passwords, then waits before each further try — 1 s, doubling up to
/// <see cref="AdminOptions.LockoutMinutes"/>. A client that has not failed is never delayed,
/// whatever others do: one global counter let anyone keep the only admin out.
/// An attempt counts as a failure from the moment it begins (<see cref="TryBegin"/>), under one
/// lock, so guesses sent in parallel get no more password checks than guesses sent one by one.
/// </summary>
public sealed class LoginThrottle(IOptions<AdminOptions> options, TimeProvider time)
{
    /// <summary>Clients remembered at most; past it, the longest quiet ones are forgotten first.</summary>
    public const int Capacity = 10_000;

    /// <summary>A client quiet this long starts again with its free attempts.</summary>
    internal static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);

    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Failures> _clients = new(StringComparer.Ordinal);

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
    public bool TryBegin(string client, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_clients.TryGetValue(client, out var failures) && now - failures.LastAttempt >= ForgetAfter)
                failures = null;
            if (failures is not null && now < failures.NotBefore)
            {
                retryAfter = failures.NotBefore - now;
                return false;
            }
            if (failures is null)
            {
                MakeRoom(now);
                _clients[client] = failures = new Failures();
            }
            failures.Count++;
            failures.LastAttempt = now;
            failures.NotBefore = now + Delay(failures.Count);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    /// <summary>Clients remembered now.</summary>
    public int ClientCount
    {
        get { lock (_gate) return _clients.Count; }
    }

    /// <summary>The right password: the client's failures are forgotten.</summary>
    public void Succeeded(string client)
    {
        lock (_gate) _clients.Remove(client);
    }

    /// <summary>The wait after the client's <paramref name="failures"/>-th failure in a row.</summary>
    internal TimeSpan Delay(int failures)
    {
        var beyondFree = failures - options.Value.MaxFailedAttempts;
        if (beyondFree < 0)
            return TimeSpan.Zero;
        var longest = TimeSpan.FromMinutes(options.Value.LockoutMinutes);
        return TimeSpan.FromTicks(Math.Min(FirstDelay.Ticks << Math.Min(beyondFree, 30), longest.Ticks));
    }

    /// <summary>The throttled client of a request: its address after the forwarded headers, IPv6 cut to its /64.</summary>
    public static string ClientOf(HttpContext context) => ClientOf(context.Connection.RemoteIpAddress);

    internal static string ClientOf(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>Under <see cref="_gate"/>: forgets quiet clients, then the quietest, so that many addresses cannot eat the memory.</summary>
    private void MakeRoom(DateTimeOffset now)
    {
        if (_clients.Count < Capacity)
            return;
        foreach (var (client, failures) in _clients.ToList())
            if (now - failures.LastAttempt >= ForgetAfter)
                _clients.Remove(client);
        if (_clients.Count >= Capacity)
            _clients.Remove(_clients.MinBy(c => c.Value.LastAttempt).Key);
    }
}
