using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RichContact.Engine.Crisp.Events;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Nodes;
using SocketIOClient;
using SocketIOClient.Transport;

namespace RichContact.Engine.Crisp.Rtm;

/// <summary>
/// The one RTM connection of this process (docs/crisp.md): connects with SocketIOClient to the
/// endpoint the last run used (<see cref="PluginConnectCache"/>: a start with the daily quota spent
/// costs no REST call) or to the one Crisp gives, authenticates after every (re)connect, reconnects
/// with backoff forever (rediscovering the endpoint after repeated failures), watches for a silently
/// dead socket, and after <c>unauthorized</c> tries again after a minute, then ever more rarely (up to ten minutes). Events only go into
/// <see cref="CrispEventQueue"/>; what RTM could not hear is reported to <see cref="IListeningGaps"/>.
/// Runs when <c>RichContact:Crisp:Events</c> is <c>rtm</c> (with <c>hooks</c>,
/// <see cref="Hooks.CrispHookListener"/> runs instead) and a plugin token is configured, and connects only while its node holds RTM
/// (<see cref="IRtmLeadership"/>: a single process always does; among nodes, the lease's holder). It
/// drops its socket the moment the term ends, and checks the term before each event it passes on, so
/// that a node that wakes after losing RTM handles nothing more.
/// </summary>
internal sealed class CrispRtmListener(
    IOptions<CrispOptions> options,
    CrispClient crisp,
    CrispListeningStart start,
    CrispConnectionStatus status,
    CrispEventQueue queue,
    IOptions<RtmTimings> rtm,
    IListeningGaps gaps,
    PluginConnectCache connectCache,
    IRtmLeadership leadership,
    TimeProvider clock,
    ILogger<CrispRtmListener> logger) : BackgroundService
{
    private readonly RtmTimings timings = rtm.Value;
    private readonly SemaphoreSlim _bindGate = new(1, 1);
    private volatile SocketIO? _socket;
    private DateTimeOffset _lastBind = DateTimeOffset.MinValue;
    private long _lastSignOfLifeTicks;

    private CrispOptions Crisp => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Crisp.HasCredentials)
        {
            logger.LogInformation("No Crisp plugin token configured (RichContact:Crisp:Identifier and Key): the RTM listener does not run");
            return;
        }
        var endpoint = await start.PrepareAsync(stoppingToken);

        // One node holds RTM at a time (Nodes/IRtmLeadership.cs; a single process from its start to its stop).
        while (!stoppingToken.IsCancellationRequested)
        {
            var taking = leadership.TakeAsync(stoppingToken);
            if (!taking.IsCompleted)
                status.Set(CrispConnectionState.Standby);
            LeadershipTerm term;
            try { term = await taking; }
            catch (OperationCanceledException) { break; }
            await using (term)
            {
                using var holding = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, term.Lost);
                // What the previous holder (or process) learnt, and what nobody heard since its last sign of life.
                endpoint = connectCache.Read().Endpoint ?? endpoint;
                gaps.TakeOverMissed(everyOtherListener: true);
                endpoint = await ListenToRtmAsync(endpoint, term, holding.Token);
                if (stoppingToken.IsCancellationRequested)
                {
                    if (term.IsValid)
                        MarkLastEvent(); // before RTM goes: the next holder catches up from here
                }
                else
                {
                    logger.LogWarning("RTM socket dropped: this node's RTM term {Term} ended (another node takes RTM over)", term.Number);
                    gaps.StoppedListening();
                }
            }
        }
        status.Set(CrispConnectionState.NotStarted);
    }

    /// <summary>
    /// Connects, listens and reconnects until <paramref name="stoppingToken"/> ends it: the process
    /// stops, or this node lost the RTM lock. Returns the endpoint last used.
    /// </summary>
    private async Task<RtmEndpoint?> ListenToRtmAsync(RtmEndpoint? endpoint, LeadershipTerm term, CancellationToken stoppingToken)
    {
        var failures = 0;
        var refusals = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            status.Set(failures == 0 ? CrispConnectionState.Connecting : CrispConnectionState.Reconnecting);
            ConnectionEnd outcome;
            try
            {
                if (endpoint is null || failures > 0 && failures % timings.FailuresBeforeRediscovery == 0)
                {
                    endpoint = await crisp.GetRtmEndpointAsync(stoppingToken);
                    connectCache.SaveEndpoint(endpoint);
                }

                outcome = await RunConnectionAsync(endpoint.Socket, term, stoppingToken);
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

            if (outcome.WasAuthenticated)
            {
                failures = 0; // it worked for a while: start the backoff over
                refusals = 0;
            }
            TimeSpan delay;
            if (outcome.Unauthorized)
            {
                // One refusal may be spurious: try again, but minutes later, never in a tight loop.
                refusals++;
                delay = UnauthorizedDelayFor(refusals);
                var message = $"Crisp refused the plugin token (unauthorized); trying again at {clock.GetUtcNow() + delay:u}. If it keeps refusing, check RichContact:Crisp:Identifier and Key.";
                logger.LogError("{Message}", message);
                status.Set(CrispConnectionState.Unauthorized, message);
            }
            else
            {
                failures++;
                delay = timings.ReconnectDelayFor(failures);
                logger.LogWarning("RTM connection lost ({Reason}); reconnecting in {Delay:0.0} s", outcome.Reason, delay.TotalSeconds);
                status.Set(CrispConnectionState.Reconnecting, $"RTM connection lost: {outcome.Reason}");
            }
            // After the status left Connected, so that the catch-up waits for the reconnect. From the
            // last sign of life, not now: events may have been lost since then.
            if (outcome.WasAuthenticated)
                gaps.MissedSince(new DateTimeOffset(Interlocked.Read(ref _lastSignOfLifeTicks), TimeSpan.Zero));
            try { await Task.Delay(delay, clock, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
        return endpoint;
    }

    private TimeSpan UnauthorizedDelayFor(int refusals) =>
        timings.UnauthorizedRetryDelayFor(TimeSpan.FromMinutes(Crisp.UnauthorizedRetryMinutes), refusals);

    /// <summary>
    /// Reports the last sign of life, from which the next process catches up (the engine holds it back
    /// to what is not handled or not caught up yet).
    /// </summary>
    private void MarkLastEvent()
    {
        var ticks = Interlocked.Read(ref _lastSignOfLifeTicks);
        if (ticks > 0)
            gaps.HeardUntil(new DateTimeOffset(ticks, TimeSpan.Zero));
    }

    /// <summary>Why a connection ended.</summary>
    private readonly record struct ConnectionEnd(string Reason, bool WasAuthenticated = false, bool Unauthorized = false)
    {
        public static readonly ConnectionEnd Refused = new("unauthorized", Unauthorized: true);
    }

    /// <summary>One socket from connect to its end; returns why it ended.</summary>
    private async Task<ConnectionEnd> RunConnectionAsync(Uri endpoint, LeadershipTerm term, CancellationToken stoppingToken)
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
            // Fencing: a node that woke after its term ended passes nothing on, and drops the socket.
            if (!term.IsValid)
            {
                ended.TrySetResult(new($"this node's RTM term {term.Number} ended", wasAuthenticated));
                return;
            }
            try
            {
                queue.Post(new RawCrispEvent(name, response.Count > 0 ? response.GetValue(0).Clone() : default) { Term = term.Number });
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
        gaps.Listening(); // the catch-up refreshes the websites and lists what was missed, beside the socket
        MarkLastEvent(); // a process killed from now on knows where to catch up from
        try
        {
            return await WatchAsync(ended.Task, term, stoppingToken);
        }
        finally
        {
            _socket = null;
            try { await socket.DisconnectAsync().WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None); }
            catch (Exception) { /* closing a broken socket may fail; it is disposed anyway */ }
        }
    }

    /// <summary>Waits for the socket to end, treating a long silence as its end.</summary>
    private async Task<ConnectionEnd> WatchAsync(Task<ConnectionEnd> ended, LeadershipTerm term, CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromMilliseconds(Math.Clamp(timings.Watchdog.TotalMilliseconds / 4, 50, 5000));
        while (!ended.IsCompleted)
        {
            await Task.WhenAny(ended, Task.Delay(period, clock, stoppingToken));
            stoppingToken.ThrowIfCancellationRequested();
            if (!term.IsValid)
                return new($"this node's RTM term {term.Number} ended", WasAuthenticated: true);
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
                events = CrispEventParser.Subscribed,
            });
        }
        catch (Exception error)
        {
            ended.TrySetResult(new($"authentication could not be sent ({error.GetType().Name})"));
        }
    }

    /// <summary>
    /// Asks Crisp to include websites that installed the plugin since the socket authenticated
    /// (<c>socket:bind</c>), at most once per <see cref="RtmTimings.MinBindIntervalSeconds"/>.
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
