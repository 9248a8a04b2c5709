using System.Diagnostics;
using RichContact.Sandbox;
using RichContact.Testing;
using Xunit.Abstractions;

namespace RichContact.Web.Tests.Reliability;

/// <summary>
/// Three nodes (<c>dotnet RichContact.Web.dll</c> children of the test) on one real PostgreSQL (a fresh
/// database on RICHCONTACT_TEST_POSTGRES; the test fails without it) and the sandbox as Crisp. While
/// conversations arrive, the node holding RTM is killed (SIGKILL): another node holds RTM within 15 s,
/// catches up what no node heard from the shared last-event mark, and every conversation gets exactly
/// one contact and one activity entry.
/// </summary>
public sealed class NodeFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan TakeOverWithin = TimeSpan.FromSeconds(15);
    private const int Conversations = 24;

    /// <summary>At least this many start after the kill, while no node holds RTM or the next one is taking it.</summary>
    private const int ConversationsAfterKill = 6;

    private NodeCluster _cluster = null!;
    private PostgresDatabase _database = null!;
    private CrispSandbox _sandbox = null!;

    private string WebsiteId => _sandbox.Options.Websites[0].Id;

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

    private string AllOutput => _cluster.AllOutput;

    [Fact]
    public async Task The_RTM_holder_killed_under_traffic_another_node_takes_over_within_15_s_and_every_conversation_gets_one_contact()
    {
        // The first node alone applies the migrations and takes RTM; the other two start together after it.
        var first = StartNode("node-1");
        await first.WaitForOutputAsync("RTM connected and authenticated", Timeout);
        var others = new[] { StartNode("node-2"), StartNode("node-3") };
        foreach (var node in others)
            await node.WaitForOutputAsync("Now listening on", Timeout);
        Assert.DoesNotContain(others, n => n.Logged("holds RTM"));
        Assert.Single(await _sandbox.Control.SocketsAsync(), s => s.Authenticated);

        // Conversations arrive, one every 150 ms, each a new person (a name: the window closes at once).
        var sessions = new List<string>();
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var afterKill = 0;
        var traffic = Task.Run(async () =>
        {
            // Until some arrive after the kill, however slowly a loaded machine lets the first node decide.
            for (var i = 0; i < Conversations || afterKill < ConversationsAfterKill; i++)
            {
                if (killed.Task.IsCompleted)
                    afterKill++;
                var session = await _sandbox.Control.StartConversationAsync(new StartConversationRequest
                {
                    WebsiteId = WebsiteId, Origin = "whatsapp", Phone = $"+3519123{i:D5}", Nickname = $"Person {i}",
                });
                lock (sessions) sessions.Add(session);
                await Task.Delay(150);
            }
        });

        // The holder is killed once it handled a few, while the rest still arrive.
        await Eventually.TrueAsync(async () => (await NodesActivity.OutcomesAsync(_database.ConnectionString))?.Count >= 4,
            "the first node to handle a few conversations", Timeout);
        first.Kill();
        var killedAt = Stopwatch.StartNew();
        killed.TrySetResult();

        var next = await TakeOverAsync(others);
        Assert.True(killedAt.Elapsed < TakeOverWithin, $"{next.Name} took RTM {killedAt.Elapsed.TotalSeconds:0.0} s after the kill:\n{AllOutput}");
        output.WriteLine($"{next.Name} took RTM {killedAt.Elapsed.TotalSeconds:0.0} s after the kill");
        await next.WaitForOutputAsync("RTM connected and authenticated", Timeout);
        output.WriteLine($"{next.Name} connected RTM {killedAt.Elapsed.TotalSeconds:0.0} s after the kill");
        await traffic;

        var expected = sessions.Order().ToList();
        var entries = await AllDecidedAsync(expected);
        output.WriteLine($"{entries.Count} conversations decided {killedAt.Elapsed.TotalSeconds:0.0} s after the kill: {entries.Count(e => e.Outcome == "Existing")} found existing");
        Assert.Equal(expected, entries.Select(e => e.SessionId).Order());
        // A contact the killed node created but had not recorded yet is found by the next run: "existing".
        Assert.All(entries, e => Assert.Contains(e.Outcome, new[] { "Created", "Existing" }));
        Assert.Equal(expected.Count, (await _sandbox.Control.ProfilesAsync(WebsiteId)).Count);
        // One socket: the standby node did not connect too.
        Assert.Single(await _sandbox.Control.SocketsAsync(), s => s.Authenticated);
        Assert.Single(others, n => n.Logged("holds RTM"));
        Assert.True(next.Logged("Caught up "), $"{next.Name} did not catch up from the shared last-event mark:\n{AllOutput}");
        // The nodes keep nothing of their own: their data directories stay empty.
        Assert.All(_cluster.DataDirectories, d => Assert.Empty(Directory.EnumerateFileSystemEntries(d)));
    }

    /// <summary>The node that logs that it holds RTM first, of <paramref name="candidates"/>.</summary>
    private async Task<NodeProcess> TakeOverAsync(IReadOnlyList<NodeProcess> candidates)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (candidates.FirstOrDefault(n => n.Logged("holds RTM")) is { } holder)
                return holder;
            Assert.True(waited.Elapsed < Timeout, $"no node took RTM over:\n{AllOutput}");
            await Task.Delay(50);
        }
    }

    private Task<List<(string SessionId, string Outcome)>> AllDecidedAsync(IReadOnlyList<string> sessions) =>
        NodesActivity.AllDecidedAsync(_database.ConnectionString, sessions, Timeout, () => AllOutput);
}
