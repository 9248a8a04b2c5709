using RichContact.Engine.Activity;
using RichContact.Engine.Nodes;

namespace RichContact.Bench;

/// <summary>
/// The engine hosts of a run: one on SQLite (as ever), or <c>--nodes N</c> on one fresh PostgreSQL
/// database (<see cref="BenchDatabase"/>), each with its own data directory and node name, all against
/// the same sandbox. As in production, one of them holds Crisp's RTM socket (the leader election) and
/// every one runs contact jobs; each node's live activity stream shows every node's entries.
/// </summary>
public sealed class BenchNodes : IAsyncDisposable
{
    /// <summary>How long the nodes may take to elect the one that holds RTM (a node retries every second).</summary>
    private static readonly TimeSpan LeaderTimeout = TimeSpan.FromSeconds(60);

    private readonly List<BenchEngine> _engines = [];
    private BenchDatabase? _database;

    private BenchNodes()
    {
    }

    /// <summary>The nodes, in the order they started (the first applied the migrations).</summary>
    public IReadOnlyList<BenchEngine> Engines => _engines;

    /// <summary>Any node: what they share (Hangfire's storage, the database) reads the same from each.</summary>
    public BenchEngine First => _engines[0];

    /// <summary>"SQLite", or "PostgreSQL, N node(s)".</summary>
    public string Storage => _database is null ? "SQLite" : $"PostgreSQL, {_engines.Count} node(s)";

    public static string NodeName(int index) => $"bench-{index + 1}";

    public static async Task<BenchNodes> StartAsync(CrispTarget crisp, BenchOptions options, CancellationToken ct)
    {
        var nodes = new BenchNodes();
        try
        {
            if (options.Postgres is null)
            {
                nodes._engines.Add(await BenchEngine.StartAsync(crisp, options.WindowSeconds, options.DataParent, postgres: null, nodeName: null, ct));
                return nodes;
            }
            nodes._database = await BenchDatabase.CreateAsync(options.Postgres, ct);
            // One after the other, as NodesOnPostgresTests does: the first applies the migrations and creates Hangfire's schema.
            for (var i = 0; i < options.Nodes; i++)
                nodes._engines.Add(await BenchEngine.StartAsync(crisp, options.WindowSeconds, options.DataParent, nodes._database.ConnectionString, NodeName(i), ct));
            await nodes.WaitForRtmHolderAsync(ct);
            return nodes;
        }
        catch
        {
            await nodes.DisposeAsync();
            throw;
        }
    }

    /// <summary>The node that holds RTM now, or null (between two terms).</summary>
    public string? RtmHolder
    {
        get
        {
            var holders = _engines.Select((engine, i) => (Holds: engine.Get<IRtmLeadership>().HoldsRtm, Name: NodeName(i))).Where(n => n.Holds).ToList();
            return holders.Count == 1 ? _database is null ? "the only one" : holders[0].Name
                : holders.Count == 0 ? null
                : throw new InvalidOperationException($"{holders.Count} nodes hold RTM at once: {string.Join(", ", holders.Select(h => h.Name))}");
        }
    }

    public IEnumerable<ActivityStream> ActivityStreams => _engines.Select(e => e.Get<ActivityStream>());

    /// <summary>Every node's job-creation and state-change timings, together.</summary>
    public IReadOnlyList<double> JobCreateMs => [.. _engines.SelectMany(e => e.Get<TimedJobClient>().CreateMs)];

    public IReadOnlyList<double> ChangeStateMs => [.. _engines.SelectMany(e => e.Get<TimedJobClient>().ChangeStateMs)];

    private async Task WaitForRtmHolderAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + LeaderTimeout;
        while (RtmHolder is null)
        {
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"none of the {_engines.Count} nodes took RTM within {LeaderTimeout.TotalSeconds:0} s");
            await Task.Delay(100, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _engines.Count - 1; i >= 0; i--)
            await _engines[i].DisposeAsync();
        _engines.Clear();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
