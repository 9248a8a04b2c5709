using System.Net;

namespace RichContact.Web.Security;

/// <summary>
/// A list of networks and addresses from a setting (space, comma or semicolon separated): the
/// reverse proxies whose forwarded headers are believed (<see cref="WebOptions.TrustedProxies"/>)
/// and the clients that may scrape <c>/metrics</c> (<c>RichContact:Metrics:AllowedNetworks</c>).
/// </summary>
public sealed class IPNetworks
{
    private readonly IReadOnlyList<IPNetwork> _allowed;

    private IPNetworks(IReadOnlyList<IPNetwork> allowed) => _allowed = allowed;

    /// <summary>The entries that are neither a network nor an address: what the options validator names.</summary>
    public static IReadOnlyList<string> Invalid(string? networks) =>
        Entries(networks).Where(entry => !TryParse(entry, out _)).ToList();

    public static IPNetworks Parse(string? networks) =>
        new(Entries(networks).Select(entry => TryParse(entry, out var network) ? network
            : throw new FormatException($"'{entry}' is not a network")).ToList());

    /// <summary>False for an unknown address: a connection the server cannot place is not let in.</summary>
    public bool Allows(IPAddress? client)
    {
        if (client is null)
            return false;
        // A dual-stack socket shows IPv4 clients as ::ffff:a.b.c.d.
        if (client.IsIPv4MappedToIPv6)
            client = client.MapToIPv4();
        return _allowed.Any(network => network.Contains(client));
    }

    private static IEnumerable<string> Entries(string? networks) =>
        (networks ?? "").Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The networks, single addresses as /32 or /128.</summary>
    public IReadOnlyList<IPNetwork> Networks => _allowed;

    private static bool TryParse(string entry, out IPNetwork network)
    {
        network = default;
        // IPAddress also reads the short forms of inet_aton: 192.168.1 is 192.168.0.1, 10 is 0.0.0.10.
        var address = entry.Split('/')[0];
        if (!address.Contains(':') && address.Count(c => c == '.') != 3)
            return false;
        if (IPNetwork.TryParse(entry, out network))
            return true;
        if (!entry.Contains('/') && IPAddress.TryParse(entry, out var single))
        {
            network = new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        return false;
    }
}
