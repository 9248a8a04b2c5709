using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RichContact.Engine.Crisp;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Crisp.Rtm;

/// <summary>A socket that stays open but says nothing is dead: the watchdog reconnects.</summary>
public class RtmWatchdogTests : IAsyncLifetime
{
    private CrispSandbox? _sandbox;
    private readonly TempDataDirectory _data = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_sandbox is not null)
            await _sandbox.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Silent_socket_is_replaced_by_a_new_authenticated_one()
    {
        // Pings far apart: after authentication the socket is silent.
        _sandbox = await CrispSandbox.StartAsync(new SandboxOptions { PingIntervalMs = 60_000, PingTimeoutMs = 60_000 });
        var logs = new CapturingLoggerProvider();
        await using var engine = await StartEngineAsync(logs);
        var status = engine.Get<CrispConnectionStatus>();

        await EngineEndToEndTest.WaitForStateAsync(status, CrispConnectionState.Reconnecting);
        await EngineEndToEndTest.WaitForStateAsync(status, CrispConnectionState.Connected);

        Assert.Contains("silent", status.LastError);
        Assert.Contains(logs.Lines, l => l.Contains("RTM connected and authenticated"));
    }

    [Fact]
    public async Task Socket_that_gets_pings_is_not_mistaken_for_a_dead_one()
    {
        _sandbox = await CrispSandbox.StartAsync(new SandboxOptions { PingIntervalMs = 200, PingTimeoutMs = 1_000 });
        // A watchdog of 3 s against pings every 200 ms: a loaded machine that stalls the process for a
        // second (the suite's other tests, GC) must not pass for a dead socket; a socket whose pings did
        // not count would still be replaced within the 4 s watched.
        await using var engine = await StartEngineAsync(new CapturingLoggerProvider(), watchdog: TimeSpan.FromSeconds(3));
        var status = engine.Get<CrispConnectionStatus>();
        await EngineEndToEndTest.WaitForStateAsync(status, CrispConnectionState.Connected);
        var changes = 0;
        status.Changed += () => Interlocked.Increment(ref changes);

        // Absence of a reconnect can only be observed over time: longer than the watchdog.
        await Task.Delay(TimeSpan.FromSeconds(4));

        Assert.Equal((CrispConnectionState.Connected, 0), (status.State, changes));
        Assert.Single(await _sandbox!.Control.SocketsAsync());
    }

    private Task<EngineHost> StartEngineAsync(CapturingLoggerProvider logs, TimeSpan? watchdog = null) =>
        EngineHost.StartAsync(_data.Path, new Dictionary<string, string?>
        {
            ["RichContact:Crisp:Identifier"] = _sandbox!.Options.Identifier,
            ["RichContact:Crisp:Key"] = _sandbox!.Options.Key,
            ["RichContact:Crisp:ApiUrl"] = _sandbox!.ApiUrl.ToString(),
            ["RichContact:Rtm:WatchdogSeconds"] = (watchdog ?? TimeSpan.FromSeconds(1)).TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RichContact:Rtm:ReconnectDelaySeconds"] = "0.1",
        }, services => services.AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Debug)));
}
