using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp;
using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Nodes;

/// <summary>
/// Two engine hosts on one real PostgreSQL as two nodes, the sandbox as Crisp: what no node heard is
/// caught up once, by one node, from the marks of the nodes that heard before — with Web Hooks and with RTM.
/// </summary>
public sealed class CatchUpAcrossNodesTests : IAsyncLifetime
{
    private const string HookSecret = "914a657d8cc2efbc20593f1806f9bde2";

    private readonly TempDataDirectory _dataA = new();
    private readonly TempDataDirectory _dataB = new();
    private readonly CapturingLoggerProvider _logsA = new();
    private readonly CapturingLoggerProvider _logsB = new();
    private PostgresDatabase _database = null!;
    private CrispSandbox _sandbox = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        // Web Hooks go to a port nobody listens on: every delivery fails, as when every node is down.
        _sandbox = await CrispSandbox.StartAsync(new SandboxOptions { HookUrl = $"http://127.0.0.1:{FreePort.Next()}/crisp/hooks", HookSecret = HookSecret, HookRetryDelayMs = 50 });
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        await _database.DisposeAsync();
        _dataA.Dispose();
        _dataB.Dispose();
    }

    private string WebsiteId => _sandbox.Options.Websites[0].Id;

    private Task<EngineHost> StartNodeAsync(string name, TempDataDirectory data, CapturingLoggerProvider logs, bool hooks) =>
        EngineHost.StartAsync(data.Path, new Dictionary<string, string?>(_database.EngineSettings)
        {
            ["RichContact:NodeName"] = name,
            ["RichContact:Crisp:Identifier"] = _sandbox.Options.Identifier,
            ["RichContact:Crisp:Key"] = _sandbox.Options.Key,
            ["RichContact:Crisp:ApiUrl"] = _sandbox.ApiUrl.ToString(),
            ["RichContact:Crisp:Events"] = hooks ? "hooks" : "rtm",
            ["RichContact:Crisp:HookSecret"] = HookSecret,
            ["RichContact:CollectionWindowSeconds"] = "1",
            ["RichContact:Hooks:MarkIntervalSeconds"] = "0.5",
            ["RichContact:Rtm:ReconnectDelaySeconds"] = "0.2",
            ["RichContact:Rtm:MaxReconnectDelaySeconds"] = "1",
        }, services => services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Information)));

    private static int CatchUps(params CapturingLoggerProvider[] logs) =>
        logs.Sum(l => l.Lines.Count(line => line.Contains("Caught up ", StringComparison.Ordinal)));

    private async Task<string> StartConversationAsync(string phone) =>
        await _sandbox.Control.StartConversationAsync(new StartConversationRequest { WebsiteId = WebsiteId, Origin = "whatsapp", Phone = phone, Nickname = "Nobody Heard" });

    [Fact]
    public async Task With_web_hooks_a_conversation_while_every_node_was_stopped_gets_one_contact_once_caught_up_by_one_node()
    {
        // Both nodes listen a while (each writes its mark), then stop.
        await using (var a = await StartNodeAsync("node-a", _dataA, new CapturingLoggerProvider(), hooks: true))
        await using (var b = await StartNodeAsync("node-b", _dataB, new CapturingLoggerProvider(), hooks: true))
        {
            await Eventually.TrueAsync(() => a.Get<ILastEventMark>().Read() is not null && b.Get<ILastEventMark>().Read() is not null,
                "both nodes to write their marks");
        }

        // Nobody listens: its deliveries fail.
        var session = await StartConversationAsync("+351912345631");

        await using var nodeA = await StartNodeAsync("node-a", _dataA, _logsA, hooks: true);
        var activityA = new ActivityRecorder(nodeA.Get<ActivityStream>());
        await Eventually.TrueAsync(() => CatchUps(_logsA) == 1, "node A to catch up the outage");
        await using var nodeB = await StartNodeAsync("node-b", _dataB, _logsB, hooks: true);

        Assert.Equal(ActivityOutcome.Created, (await activityA.OutcomeAsync(session, TimeSpan.FromSeconds(30))).Outcome);
        Assert.Single(await _sandbox.Control.ProfilesAsync(WebsiteId));
        // Node B finds nothing left to catch up: the outage was node A's, once.
        await Eventually.TrueAsync(() => _logsB.Lines.Any(l => l.Contains("Listening to Crisp's Web Hooks")), "node B to listen");
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // three of node B's take-over rounds
        Assert.Equal(1, CatchUps(_logsA, _logsB));
        Assert.Single(activityA.For(session));
    }

    [Fact]
    public async Task With_rtm_the_holder_stopped_and_a_conversation_in_the_gap_gets_exactly_one_catch_up_and_one_contact()
    {
        var nodeA = await StartNodeAsync("node-a", _dataA, _logsA, hooks: false);
        await Eventually.TrueAsync(() => nodeA.Get<CrispConnectionStatus>().State == CrispConnectionState.Connected, "node A to connect RTM");
        await using var nodeB = await StartNodeAsync("node-b", _dataB, _logsB, hooks: false);
        var activityB = new ActivityRecorder(nodeB.Get<ActivityStream>());
        await Eventually.TrueAsync(() => nodeB.Get<CrispConnectionStatus>().State == CrispConnectionState.Standby, "node B to stand by");
        await Eventually.TrueAsync(() => nodeA.Get<ILastEventMark>().Read() is not null, "node A to write its mark");

        await nodeA.DisposeAsync();
        var session = await StartConversationAsync("+351912345633"); // before node B listens, or just as it does

        Assert.Equal(ActivityOutcome.Created, (await activityB.OutcomeAsync(session, TimeSpan.FromSeconds(30))).Outcome);
        Assert.Single(await _sandbox.Control.ProfilesAsync(WebsiteId));
        Assert.Equal(1, CatchUps(_logsA, _logsB));
        Assert.Contains(_logsB.Lines, l => l.Contains("Caught up ", StringComparison.Ordinal));
        Assert.Single(activityB.For(session));
        Assert.Single(await _sandbox.Control.SocketsAsync(), s => s.Authenticated);
    }
}
