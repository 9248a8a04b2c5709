using System.Diagnostics;
using RichContact.Sandbox;
using RichContact.Testing;
using Xunit.Abstractions;

namespace RichContact.Web.Tests.Reliability;

/// <summary>
/// Two nodes on a PostgreSQL cluster the test owns (<see cref="ThrowawayPostgres"/>) and the sandbox as
/// Crisp. While conversations arrive, PostgreSQL is restarted (<c>pg_ctl stop -m fast</c>, conversations
/// keep arriving while it is down, then <c>start</c>): a restart shorter than the RTM lease's renew
/// deadline keeps the holder (nobody else could take RTM meanwhile); a longer one ends its term, and the
/// node that takes RTM once the server is back catches up what no node heard. Either way every
/// conversation gets exactly one contact and one activity entry, and one node holds RTM after.
/// </summary>
public sealed class PostgresRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private const int Conversations = 30;

    /// <summary>At least this many start while the server is down.</summary>
    private const int ConversationsWhileDown = 5;

    private NodeCluster _cluster = null!;
    private ThrowawayPostgres _postgres = null!;
    private CrispSandbox _sandbox = null!;

    private string WebsiteId => _sandbox.Options.Websites[0].Id;

    private string AllOutput => _cluster.AllOutput;

    public async Task InitializeAsync()
    {
        _postgres = await ThrowawayPostgres.StartAsync();
        _sandbox = await CrispSandbox.StartAsync();
        _cluster = new NodeCluster(_sandbox, _postgres.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        _cluster?.Dispose(); // null when the start failed
        await _sandbox.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    private NodeProcess StartNode(string name) => _cluster.Start(name);

    [Fact]
    public async Task PostgreSQL_restarted_under_traffic_the_nodes_recover_and_every_conversation_gets_one_contact()
    {
        var first = StartNode("node-1");
        await first.WaitForOutputAsync("RTM connected and authenticated", Timeout);
        var second = StartNode("node-2");
        await second.WaitForOutputAsync("Now listening on", Timeout);

        var sessions = new List<string>();
        int Started() { lock (sessions) return sessions.Count; }
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var afterStop = 0;
        var traffic = Task.Run(async () =>
        {
            // Until some arrive while PostgreSQL is down, however slowly a loaded machine decides the first ones.
            for (var i = 0; i < Conversations || afterStop < ConversationsWhileDown; i++)
            {
                if (stopped.Task.IsCompleted)
                    afterStop++;
                var session = await _sandbox.Control.StartConversationAsync(new StartConversationRequest
                {
                    WebsiteId = WebsiteId, Origin = "whatsapp", Phone = $"+3519124{i:D5}", Nickname = $"Person {i}",
                });
                lock (sessions) sessions.Add(session);
                await Task.Delay(150);
            }
        });

        await Eventually.TrueAsync(async () => (await NodesActivity.OutcomesAsync(_postgres.ConnectionString))?.Count >= 4,
            "a few conversations handled before the restart", Timeout);
        await _postgres.StopServerAsync();
        var stoppedAt = Stopwatch.StartNew();
        stopped.TrySetResult();
        // Conversations arrive while the database is down: the holder hears them and holds them, or they are caught up after.
        var startedBefore = Started();
        await Eventually.TrueAsync(() => Started() >= startedBefore + ConversationsWhileDown, "conversations to arrive while PostgreSQL is down", Timeout);
        Assert.DoesNotContain(_cluster.Nodes, n => n.HasExited);
        await _postgres.StartServerAsync();
        output.WriteLine($"PostgreSQL was down {stoppedAt.Elapsed.TotalSeconds:0.0} s; {Started() - startedBefore} conversations arrived meanwhile");
        await traffic;

        var expected = sessions.Order().ToList();
        var waited = Stopwatch.StartNew();
        List<(string SessionId, string Outcome)> entries;
        while (true)
        {
            entries = await NodesActivity.OutcomesAsync(_postgres.ConnectionString) ?? [];
            if (expected.All(s => entries.Any(e => e.SessionId == s)))
                break;
            Assert.True(waited.Elapsed < Timeout,
                $"{entries.Count} of {expected.Count} conversations decided; missing {string.Join(", ", expected.Where(s => entries.All(e => e.SessionId != s)))}:\n{AllOutput}");
            await Task.Delay(200);
        }
        output.WriteLine($"{entries.Count} conversations decided {stoppedAt.Elapsed.TotalSeconds:0.0} s after the stop");

        Assert.Equal(expected, entries.Select(e => e.SessionId).Order());
        Assert.All(entries, e => Assert.Contains(e.Outcome, new[] { "Created", "Existing" }));
        Assert.Equal(expected.Count, (await _sandbox.Control.ProfilesAsync(WebsiteId)).Count);
        // After the restart one node holds RTM again, alone.
        await Eventually.TrueAsync(async () => (await _sandbox.Control.SocketsAsync()).Count(s => s.Authenticated) == 1, "one RTM socket after the restart", Timeout);
        Assert.DoesNotContain(_cluster.Nodes, n => n.HasExited);
        // A holder that gave RTM up was followed by one that caught up what no node heard meanwhile.
        if (first.Logged("Node node-1 no longer holds RTM"))
            Assert.Contains(_cluster.Nodes, n => n.Logged("Caught up "));
    }
}
