using System.Text.Json;
using System.Threading.Channels;
using SocketIOClient;
using SocketIOClient.Transport;

namespace RichContact.Sandbox.Tests;

/// <summary>
/// A plugin's RTM connection made the way the engine makes it, with SocketIOClient 3.0.6: scheme+host as
/// the URI, the advertised path (no trailing slash) as Options.Path, WebSocket transport, authentication
/// emitted from OnConnected.
/// </summary>
public sealed class RtmTestClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly Channel<(string Name, JsonElement Data)> _events = Channel.CreateUnbounded<(string, JsonElement)>();
    private readonly object _authentication;
    private TaskCompletionSource<bool> _authenticated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SocketIO Socket { get; }
    public TaskCompletionSource<string> Unauthorized { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource<string> Disconnected { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource<int> Reconnected { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    /// <summary>Completes at the third server ping: three heartbeats answered in a row.</summary>
    public TaskCompletionSource Pinged { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pings;
    public TaskCompletionSource Ponged { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public int Authentications { get; private set; }

    private RtmTestClient(CrispSandbox sandbox, int eio, object authentication, bool authenticateOnConnect)
    {
        _authentication = authentication;
        var endpoint = sandbox.RtmUrl;
        Socket = new SocketIO(new Uri("http://" + endpoint.Authority), new SocketIOOptions
        {
            Path = endpoint.AbsolutePath.TrimEnd('/'),
            EIO = eio,
            Transport = TransportProtocol.WebSocket,
            Reconnection = true,
            ReconnectionAttempts = 20,
            ReconnectionDelay = 100,
            ReconnectionDelayMax = 300,
            ConnectionTimeout = TimeSpan.FromSeconds(5),
        });
        Socket.OnConnected += async (_, _) =>
        {
            if (authenticateOnConnect)
                await AuthenticateAsync();
        };
        Socket.OnDisconnected += (_, reason) => Disconnected.TrySetResult(reason);
        Socket.OnReconnected += (_, attempts) => Reconnected.TrySetResult(attempts);
        Socket.OnPing += (_, _) =>
        {
            if (Interlocked.Increment(ref _pings) == 3)
                Pinged.TrySetResult();
        };
        Socket.OnPong += (_, _) => Ponged.TrySetResult();
        Socket.OnAny((name, response) =>
        {
            var data = response.GetValue<JsonElement>();
            switch (name)
            {
                case "authenticated":
                    _authenticated.TrySetResult(data.ValueKind != JsonValueKind.False);
                    break;
                case "unauthorized":
                    Unauthorized.TrySetResult(data.GetProperty("message").GetString() ?? "");
                    break;
                default:
                    _events.Writer.TryWrite((name, data));
                    break;
            }
        });
    }

    public static object Credentials(CrispSandbox sandbox, string[] events, string? password = null, string[]? rooms = null) =>
        rooms is null
            ? new { tier = "plugin", username = sandbox.Options.Identifier, password = password ?? sandbox.Options.Key, events }
            : new { tier = "plugin", username = sandbox.Options.Identifier, password = password ?? sandbox.Options.Key, events, rooms };

    /// <summary>Connects and authenticates, and returns once the sandbox answered <c>authenticated</c>.</summary>
    public static async Task<RtmTestClient> ConnectAsync(CrispSandbox sandbox, int eio, params string[] events)
    {
        var client = await ConnectOnlyAsync(sandbox, eio, Credentials(sandbox, events), authenticateOnConnect: true);
        await client.WaitAuthenticatedAsync();
        return client;
    }

    public static async Task<RtmTestClient> ConnectOnlyAsync(CrispSandbox sandbox, int eio, object authentication, bool authenticateOnConnect)
    {
        var client = new RtmTestClient(sandbox, eio, authentication, authenticateOnConnect);
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Socket.OnConnected += (_, _) => connected.TrySetResult();
        await client.Socket.ConnectAsync();
        await connected.Task.WaitAsync(Timeout);
        return client;
    }

    public async Task AuthenticateAsync()
    {
        Authentications++;
        await Socket.EmitAsync("authentication", _authentication);
    }

    public async Task WaitAuthenticatedAsync()
    {
        Assert.True(await _authenticated.Task.WaitAsync(Timeout));
        _authenticated = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The next event received (authentication answers excluded).</summary>
    public async Task<(string Name, JsonElement Data)> NextAsync() => await _events.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    /// <summary>Skips events until one matches.</summary>
    public async Task<JsonElement> NextAsync(string name, Func<JsonElement, bool>? match = null)
    {
        while (true)
        {
            var (received, data) = await NextAsync();
            if (received == name && (match is null || match(data)))
                return data;
        }
    }

    public async Task<List<(string Name, JsonElement Data)>> TakeAsync(int count)
    {
        var events = new List<(string, JsonElement)>();
        while (events.Count < count)
            events.Add(await NextAsync());
        return events;
    }

    public bool TryRead(out (string Name, JsonElement Data) received) => _events.Reader.TryRead(out received);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Socket.Connected)
                await Socket.DisconnectAsync();
        }
        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
        }
        Socket.Dispose();
    }
}
