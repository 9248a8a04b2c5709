using System.Diagnostics;
using RichContact.Sandbox;
using RichContact.Testing;
using Xunit.Abstractions;

namespace RichContact.Web.Tests.Reliability;

/// <summary>
/// Two nodes (child processes) on one real PostgreSQL and the sandbox as Crisp. While conversations
/// arrive, the node holding RTM is frozen (SIGSTOP: its process and its sockets stay, it runs nothing,
/// as a paused VM or a hung process): it stops renewing its lease, the other node takes RTM within
/// 15 s and creates the contacts. Then the frozen node wakes (SIGCONT): it finds its term ended, drops
/// its socket and handles nothing more, so one socket stays and no conversation gets two contacts.
/// </summary>
public sealed class NodeFreezeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan TakeOverWithin = TimeSpan.FromSeconds(15);

    private NodeCluster _cluster = null!;
    private readonly List<string> _sessions = [];
    private PostgresDatabase _database = null!;
    private CrispSandbox _sandbox = null!;

    private string WebsiteId => _sandbox.Options.Websites[0].Id;

    private string AllOutput => _cluster.AllOutput;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _sandbox = await CrispSandbox.StartAsync();
        _cluster = new NodeCluster(_sandbox, _database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        _cluster?.Dispose(); // null when the start failed
        await _sandbox.DisposeAsync();
        await _database.DisposeAsync();
    }

    private NodeProcess StartNode(string name) => _cluster.Start(name);

    /// <summary>One new person's conversation (a name: the window closes at once).</summary>
    private async Task StartConversationAsync()
    {
        int i;
        lock (_sessions) i = _sessions.Count;
        var session = await _sandbox.Control.StartConversationAsync(new StartConversationRequest
        {
            WebsiteId = WebsiteId, Origin = "whatsapp", Phone = $"+3519125{i:D5}", Nickname = $"Person {i}",
        });
        lock (_sessions) _sessions.Add(session);
    }

    private int Started()
    {
        lock (_sessions) return _sessions.Count;
    }

    [Fact]
    public async Task The_RTM_holder_frozen_under_traffic_loses_RTM_and_the_other_node_creates_the_contacts_within_15_s_and_on_waking_it_drops_its_socket_and_duplicates_nothing()
    {
        var first = StartNode("node-1");
        await first.WaitForOutputAsync("RTM connected and authenticated", Timeout);
        var second = StartNode("node-2");
        await second.WaitForOutputAsync("Now listening on", Timeout);
        Assert.False(second.Logged("Node node-2 holds RTM"));

        // Traffic, one conversation every 500 ms, until the end of the test.
        using var stopTraffic = new CancellationTokenSource();
        var traffic = Task.Run(async () =>
        {
            while (!stopTraffic.IsCancellationRequested)
            {
                await StartConversationAsync();
                await Task.Delay(500);
            }
        });

        await Eventually.TrueAsync(async () => (await NodesActivity.OutcomesAsync(_database.ConnectionString))?.Count >= 4,
            "the first node to handle a few conversations", Timeout);
        first.Freeze();
        var frozenAt = Stopwatch.StartNew();
        var startedBeforeFreeze = Started();

        await second.WaitForOutputAsync("Node node-2 holds RTM", Timeout);
        var tookOver = frozenAt.Elapsed;
        output.WriteLine($"node-2 took RTM {tookOver.TotalSeconds:0.0} s after the freeze");
        Assert.True(tookOver < TakeOverWithin, $"node-2 took RTM {tookOver.TotalSeconds:0.0} s after the freeze:\n{AllOutput}");
        await second.WaitForOutputAsync("RTM connected and authenticated", Timeout);

        // Conversations started after the freeze get their contacts from node-2 within 15 s of the freeze too.
        await Eventually.TrueAsync(() => Started() > startedBeforeFreeze, "a conversation started after the freeze", Timeout);
        string afterFreeze;
        lock (_sessions) afterFreeze = _sessions[startedBeforeFreeze];
        await Eventually.TrueAsync(async () => (await NodesActivity.OutcomesAsync(_database.ConnectionString) ?? []).Any(e => e.SessionId == afterFreeze),
            "node-2 to decide a conversation started after the freeze", Timeout);
        output.WriteLine($"the first conversation after the freeze decided {frozenAt.Elapsed.TotalSeconds:0.0} s after the freeze");
        Assert.True(frozenAt.Elapsed < TakeOverWithin, $"decided {frozenAt.Elapsed.TotalSeconds:0.0} s after the freeze:\n{AllOutput}");

        // Node-1 wakes: its term is over, it drops its socket and handles nothing it heard meanwhile.
        first.Thaw();
        await first.WaitForOutputAsync("Node node-1 no longer holds RTM", Timeout);
        await Eventually.TrueAsync(async () => (await _sandbox.Control.SocketsAsync()).Count(s => s.Authenticated) == 1, "one RTM socket once node-1 woke", Timeout);
        var startedAfterThaw = Started();
        await Eventually.TrueAsync(() => Started() >= startedAfterThaw + 5, "conversations after node-1 woke", Timeout);
        stopTraffic.Cancel();
        await traffic;

        List<string> expected;
        lock (_sessions) expected = _sessions.Order().ToList();
        var entries = await AllDecidedAsync(expected);
        Assert.Equal(expected, entries.Select(e => e.SessionId).Order());
        Assert.All(entries, e => Assert.Contains(e.Outcome, new[] { "Created", "Existing" }));
        Assert.Equal(expected.Count, (await _sandbox.Control.ProfilesAsync(WebsiteId)).Count);
        Assert.Single(await _sandbox.Control.SocketsAsync(), s => s.Authenticated);
        Assert.False(first.HasExited);
        // Still one holder: node-1 did not take RTM back.
        Assert.Equal(1, CountOf(second.Output, "Node node-2 holds RTM"));
        Assert.Equal(1, CountOf(first.Output, "Node node-1 holds RTM"));
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    private Task<List<(string SessionId, string Outcome)>> AllDecidedAsync(IReadOnlyList<string> sessions) =>
        NodesActivity.AllDecidedAsync(_database.ConnectionString, sessions, Timeout, () => AllOutput);
}
