using System.Collections.Frozen;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using RichContact.Sandbox.State;

namespace RichContact.Sandbox.Rtm;

/// <summary>One Engine.IO socket over a WebSocket, speaking Socket.IO on the default namespace.</summary>
/// <param name="address">Where the client connected (<c>ws://host:port/p/N/</c>).</param>
internal sealed class RtmConnection(WebSocket socket, int eio, SandboxState state, string address)
{
    private readonly Channel<string> _outbox = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    // Never disposed: Drop() may race the end of RunAsync, and an undisposed CTS without timer holds nothing.
    private readonly CancellationTokenSource _stop = new();
    private volatile RtmBinding? _binding;
    private long _lastHeardMs = UnixTime.NowMs();
    private int _bindAttempts;

    public string Sid { get; } = NewId();
    public int Eio { get; } = eio;
    public string Address { get; } = address;
    public RtmBinding? Binding => _binding;
    public int BindAttempts => Volatile.Read(ref _bindAttempts);

    public bool Wants(string name, string websiteId, bool requiresBinding) =>
        _binding is { } binding && binding.Events.Contains(name) && (!requiresBinding || binding.Websites.Contains(websiteId));

    public void Send(string packet) => _outbox.Writer.TryWrite(packet);

    /// <summary>Cuts the connection the way a network failure or a Crisp restart would: no goodbye.</summary>
    public void Drop()
    {
        socket.Abort();
        _stop.Cancel();
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _stop.Token);
        var ct = linked.Token;
        var options = state.Options;
        Send(EnginePackets.Open(Sid, options.PingIntervalMs, options.PingTimeoutMs));
        // Engine.IO v3 servers connect the default namespace themselves; v4 waits for the client's "40".
        if (Eio == 3)
            Send(EnginePackets.Connected);
        var sending = SendLoopAsync(ct);
        var heartbeat = HeartbeatAsync(ct);
        try
        {
            await ReceiveLoopAsync(ct);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            _outbox.Writer.TryComplete();
            await _stop.CancelAsync();
            await Task.WhenAll(Quietly(sending), Quietly(heartbeat));
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken ct)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (!ct.IsCancellationRequested && socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
                return;
            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
                continue;
            var isText = result.MessageType == WebSocketMessageType.Text;
            var text = isText ? Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length) : null;
            message.SetLength(0);
            if (text is { Length: > 0 })
                Handle(text);
        }
    }

    private void Handle(string packet)
    {
        Interlocked.Exchange(ref _lastHeardMs, UnixTime.NowMs());
        switch (packet[0])
        {
            case '2': // v3: the client pings, probes included ("2probe").
                Send(EnginePackets.Pong + packet[1..]);
                break;
            case '1':
                _outbox.Writer.TryComplete();
                break;
            case '4' when packet.Length > 1:
                HandleSocketIo(packet[1..]);
                break;
        }
    }

    private void HandleSocketIo(string packet)
    {
        switch (packet[0])
        {
            case '0':
                var nsp = packet.Length > 1 && packet[1] == '/' ? packet[1..].Split(',')[0] : "/";
                if (nsp != "/")
                    Send(EnginePackets.ConnectError(nsp, "Invalid namespace"));
                else if (Eio == 4)
                    Send(EnginePackets.ConnectedV4(NewId()));
                break;
            case '1':
                // The client left the namespace; it closes the transport itself. Closing it from here too
                // races SocketIOClient 3.0.6 into reconnecting a socket it is disposing.
                _binding = null;
                break;
            case '2':
                var (name, data) = EnginePackets.ParseEvent(packet);
                if (name == "authentication")
                    Authenticate(data as JsonObject);
                else if (name == "socket:bind")
                    Bind();
                break;
        }
    }

    private void Authenticate(JsonObject? data)
    {
        var options = state.Options;
        var valid = data is not null
            && Json.String(data["tier"]) == "plugin"
            && SameSecret(Json.String(data["username"]), options.Identifier)
            && SameSecret(Json.String(data["password"]), options.Key);
        if (!valid || state.Faults.TryTakeAuthenticationRefusal())
        {
            // Crisp says why, then closes the socket; Socket.IO clients do not reconnect after a server "41".
            Send(EnginePackets.Event("unauthorized", new JsonObject { ["message"] = "Invalid credentials or tier" }));
            Send(EnginePackets.Disconnect);
            _outbox.Writer.TryComplete();
            return;
        }
        var events = (data!["events"] as JsonArray)?.Select(Json.String).OfType<string>().ToFrozenSet() ?? FrozenSet<string>.Empty;
        var rooms = (data["rooms"] as JsonArray)?.Select(Json.String).OfType<string>().ToList();
        _binding = new RtmBinding(events, SubscribedWebsites(rooms), rooms, UnixTime.NowMs());
        Send(EnginePackets.Event("authenticated", JsonValue.Create(true)));
    }

    private void Bind()
    {
        var binding = _binding;
        if (binding is not null && UnixTime.NowMs() - binding.BoundAtMs >= state.Options.SocketBindIntervalMs)
            _binding = binding with { Websites = SubscribedWebsites(binding.Rooms), BoundAtMs = UnixTime.NowMs() };
        Interlocked.Increment(ref _bindAttempts);
    }

    private FrozenSet<string> SubscribedWebsites(IReadOnlyList<string>? rooms) =>
        state.Websites().Select(w => w.Id).Where(id => rooms is null || rooms.Contains(id)).ToFrozenSet();

    private async Task SendLoopAsync(CancellationToken ct)
    {
        await foreach (var packet in _outbox.Reader.ReadAllAsync(ct))
            await socket.SendAsync(Encoding.UTF8.GetBytes(packet), WebSocketMessageType.Text, true, ct);
        // The outbox completes when the server ends the socket: say goodbye at the WebSocket level too.
        if (socket.State == WebSocketState.Open)
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
    }

    /// <summary>v4: the server pings and expects a pong; v3: the client pings. Either way silence past the timeout ends the socket.</summary>
    private async Task HeartbeatAsync(CancellationToken ct)
    {
        var options = state.Options;
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(options.PingIntervalMs, ct);
            if (UnixTime.NowMs() - Interlocked.Read(ref _lastHeardMs) > options.PingIntervalMs + options.PingTimeoutMs)
            {
                Drop();
                return;
            }
            if (Eio == 4)
                Send(EnginePackets.Ping);
        }
    }

    private static bool SameSecret(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private static string NewId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}
