namespace RichContact.Sandbox.Rtm;

/// <summary>
/// Where the RTM endpoint is. Crisp spreads plugins over relays (<c>wss://app.relay.crisp.chat/p/68/</c>)
/// and may move a plugin to another one; the sandbox plays that with numbered relays at <c>/p/N/</c>,
/// odd ones on its own port, even ones on a second loopback port. Only the current relay accepts sockets.
/// </summary>
internal sealed class RtmRelays
{
    private int _current = 1;

    public int MainPort { get; private set; }
    /// <summary>The second loopback port, which serves nothing but RTM.</summary>
    public int RelayPort { get; private set; }

    public int Current => Volatile.Read(ref _current);

    public void Listening(int mainPort, int relayPort) => (MainPort, RelayPort) = (mainPort, relayPort);

    /// <summary>Moves the endpoint to the next relay (the other port, the next path); returns its number.</summary>
    public int Move() => Interlocked.Increment(ref _current);

    public static string PathOf(int relay) => $"/p/{relay}/";

    public int PortOf(int relay) => relay % 2 == 1 ? MainPort : RelayPort;

    /// <summary>The current relay's address, under the host name the caller used for the sandbox.</summary>
    public Uri CurrentAddress(string host)
    {
        var relay = Current;
        return new Uri($"ws://{host}:{PortOf(relay)}{PathOf(relay)}");
    }

    public bool Serves(int relay, int localPort) => relay == Current && localPort == PortOf(relay);
}
