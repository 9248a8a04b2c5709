using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocketIOClient;
using SocketIOClient.Transport;

namespace RichContact.Engine.Crisp;

/// <summary>
/// The one RTM connection of this process (crisp-api.md §6): discovers the endpoint, connects with
/// SocketIOClient, authenticates after every (re)connect, reconnects with backoff forever
/// (rediscovering the endpoint after repeated failures), watches for a silently dead socket and
/// stops for good on <c>unauthorized</c>. Events only go into <see cref="RtmEventQueue"/>.
/// Runs only when a plugin token is configured.
/// </summary>
public sealed class CrispRtmListener(
    IOptions<RichContactOptions> options,
    CrispClient crisp,
    CrispConnectionStatus status,
    SubscribedWebsites websites,
    RtmEventQueue queue,
    RtmTimings timings,
    OutageCatchUp catchUp,
    LastEventMark lastEventMark,
    TimeProvider clock,
    ILogger<CrispRtmListener> logger) : BackgroundService
{
    private readonly SemaphoreSlim _bindGate = new(1, 1);
    private volatile SocketIO? _socket;
    private DateTimeOffset _lastBind = DateTimeOffset.MinValue;
    private long _lastSignOfLifeTicks;
    private DateTimeOffset? _disconnectedAt;

    private CrispOptions Crisp => options.Value.Crisp;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Crisp.HasCredentials)
        {
            logger.LogInformation("No Crisp plugin token configured (RichContact:Crisp:Identifier and Key): the RTM listener does not run");
            return;
        }
        websites.Loader = crisp.ListSubscribedWebsitesAsync;
        // A previous process heard Crisp until then: catch up what was created since, once connected.
        _disconnectedAt = lastEventMark.Read();

        var websitesLoaded = false;
        RtmEndpoint? endpoint = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            status.Set(failures == 0 ? CrispConnectionState.Connecting : CrispConnectionState.Reconnecting);
            ConnectionEnd outcome;
            try
            {
                if (!websitesLoaded)
                {
                    await websites.ReloadAsync(stoppingToken);
                    websitesLoaded = true;
                    logger.LogInformation("{Count} websites have the plugin installed", websites.All.Count);
                }
                if (endpoint is null || failures > 0 && failures % timings.FailuresBeforeRediscovery == 0)
                    endpoint = await crisp.GetRtmEndpointAsync(stoppingToken);

                outcome = await RunConnectionAsync(endpoint.Socket, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (CrispApiException error) when (error.IsUnauthorized)
            {
                outcome = ConnectionEnd.Refused;
            }
            catch (Exception error)
            {
                outcome = new($"{error.GetType().Name}: {(error is CrispApiException or CrispBudgetExhaustedException ? error.Message : "connection failed")}");
            }

            if (outcome.Unauthorized)
            {
                const string message = "Crisp refused the plugin token (unauthorized). Check RichContact:Crisp:Identifier and Key, then restart.";
                logger.LogError(message);
                status.Set(CrispConnectionState.Unauthorized, message);
                return;
            }
            if (outcome.WasAuthenticated)
            {
                failures = 0; // it worked for a while: start the backoff over
                // The last sign of life, not now: events may have been lost since then.
                _disconnectedAt ??= new DateTimeOffset(Interlocked.Read(ref _lastSignOfLifeTicks), TimeSpan.Zero);
            }
            failures++;
            var delay = timings.ReconnectDelayFor(failures);
            logger.LogWarning("RTM connection lost ({Reason}); reconnecting in {Delay:0.0} s", outcome.Reason, delay.TotalSeconds);
            status.Set(CrispConnectionState.Reconnecting, $"RTM connection lost: {outcome.Reason}");
            try { await Task.Delay(delay, clock, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
        MarkLastEvent();
        status.Set(CrispConnectionState.NotStarted);
    }

    /// <summary>Keeps the last sign of life on disk while connected (the next process catches up from it).</summary>
    private void MarkLastEvent()
    {
        // Not while an outage is still to be caught up: the mark must stay at the last event before it.
        var ticks = Interlocked.Read(ref _lastSignOfLifeTicks);
        if (ticks > 0 && (_socket is not null || _disconnectedAt is null))
            lastEventMark.Write(new DateTimeOffset(ticks, TimeSpan.Zero));
    }

    /// <summary>Why a connection ended.</summary>
    private readonly record struct ConnectionEnd(string Reason, bool WasAuthenticated = false, bool Unauthorized = false)
    {
        public static readonly ConnectionEnd Refused = new("unauthorized", Unauthorized: true);
    }

    /// <summary>One socket from connect to its end; returns why it ended.</summary>
    private async Task<ConnectionEnd> RunConnectionAsync(Uri endpoint, CancellationToken stoppingToken)
    {
        var ended = new TaskCompletionSource<ConnectionEnd>(TaskCreationOptions.RunContinuationsAsynchronously);
        var authenticated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var wasAuthenticated = false;

        // Scheme and host only; the endpoint's path is the Socket.IO path (SocketIOClient 3.0.6 pitfall).
        using var socket = new SocketIO(new Uri(endpoint.GetLeftPart(UriPartial.Authority)), new SocketIOOptions
        {
            Path = endpoint.AbsolutePath.TrimEnd('/') is { Length: > 0 } path ? path : "/socket.io",
            Transport = TransportProtocol.WebSocket,
            EIO = 4,
            // We reconnect ourselves (with endpoint rediscovery); the library's loop can spin forever.
            Reconnection = false,
            ConnectionTimeout = timings.ConnectTimeout,
        });

        socket.OnConnected += (_, _) => _ = AuthenticateAsync(socket, ended);
        socket.OnDisconnected += (_, reason) => ended.TrySetResult(new($"disconnected ({Short(reason)})", wasAuthenticated));
        socket.OnError += (_, error) => ended.TrySetResult(new($"socket error ({Short(error)})", wasAuthenticated));
        socket.OnPing += (_, _) => SignOfLife();
        socket.OnPong += (_, _) => SignOfLife();
        socket.OnAny((name, response) =>
        {
            // The receive loop: no work here beyond copying the payload into the queue.
            SignOfLife();
            switch (name)
            {
                case "authenticated":
                    wasAuthenticated = true;
                    authenticated.TrySetResult();
                    return;
                case "unauthorized":
                    ended.TrySetResult(ConnectionEnd.Refused);
                    return;
            }
            try
            {
                queue.Post(new RawRtmEvent(name, response.Count > 0 ? response.GetValue(0).Clone() : default));
            }
            catch (Exception error)
            {
                logger.LogWarning("Ignored an unreadable {Event} RTM event ({ErrorType})", name, error.GetType().Name);
            }
        });

        SignOfLife();
        using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        connectTimeout.CancelAfter(timings.ConnectTimeout);
        try
        {
            await socket.ConnectAsync().WaitAsync(connectTimeout.Token);
            await Task.WhenAny(authenticated.Task, ended.Task).WaitAsync(connectTimeout.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return new("connect or authentication timed out");
        }
        if (ended.Task.IsCompleted)
            return await ended.Task;

        _socket = socket;
        // Crisp counts the authentication as a bind: the first socket:bind must wait its interval too.
        _lastBind = clock.GetUtcNow();
        status.Set(CrispConnectionState.Connected);
        logger.LogInformation("RTM connected and authenticated");
        if (_disconnectedAt is { } since)
        {
            _disconnectedAt = null;
            _ = catchUp.RunAsync(since, stoppingToken);
        }
        else
        {
            MarkLastEvent(); // a process killed from now on knows where to catch up from
        }
        try
        {
            return await WatchAsync(ended.Task, stoppingToken);
        }
        finally
        {
            _socket = null;
            try { await socket.DisconnectAsync().WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None); }
            catch (Exception) { /* closing a broken socket may fail; it is disposed anyway */ }
        }
    }

    /// <summary>Waits for the socket to end, treating a long silence as its end.</summary>
    private async Task<ConnectionEnd> WatchAsync(Task<ConnectionEnd> ended, CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromMilliseconds(Math.Clamp(timings.Watchdog.TotalMilliseconds / 4, 50, 5000));
        while (!ended.IsCompleted)
        {
            await Task.WhenAny(ended, Task.Delay(period, clock, stoppingToken));
            stoppingToken.ThrowIfCancellationRequested();
            MarkLastEvent();
            var silence = clock.GetUtcNow() - new DateTimeOffset(Interlocked.Read(ref _lastSignOfLifeTicks), TimeSpan.Zero);
            if (!ended.IsCompleted && silence > timings.Watchdog)
                return new($"silent for {silence.TotalSeconds:0} s", WasAuthenticated: true);
        }
        return await ended;
    }

    private async Task AuthenticateAsync(SocketIO socket, TaskCompletionSource<ConnectionEnd> ended)
    {
        try
        {
            await socket.EmitAsync("authentication", new
            {
                tier = "plugin",
                username = Crisp.Identifier,
                password = Crisp.Key,
                events = RtmEventParser.Subscribed,
            });
        }
        catch (Exception error)
        {
            ended.TrySetResult(new($"authentication could not be sent ({error.GetType().Name})"));
        }
    }

    /// <summary>
    /// Asks Crisp to include websites that installed the plugin since the socket authenticated
    /// (<c>socket:bind</c>), at most once per <see cref="RtmTimings.MinBindInterval"/>.
    /// </summary>
    public async Task BindAsync(CancellationToken ct = default)
    {
        await _bindGate.WaitAsync(ct);
        try
        {
            // A little over the interval: a bind that comes too soon is silently ignored.
            var wait = _lastBind + timings.MinBindInterval + TimeSpan.FromMilliseconds(100) - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, clock, ct);
            if (_socket is { Connected: true } socket)
                await socket.EmitAsync("socket:bind", new { });
            _lastBind = clock.GetUtcNow();
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            // Not fatal: the next reconnect authenticates afresh and sees every subscribed website.
            logger.LogWarning("socket:bind failed ({ErrorType})", error.GetType().Name);
        }
        finally
        {
            _bindGate.Release();
        }
    }

    private void SignOfLife() => Interlocked.Exchange(ref _lastSignOfLifeTicks, clock.GetUtcNow().UtcTicks);

    private static string Short(string? text) => text is null ? "no reason" : text.Length <= 80 ? text : text[..80];
}
