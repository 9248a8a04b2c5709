using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RichContact.Engine.Crisp;
using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Nodes;

/// <summary>
/// Engine hosts as the nodes of one cluster: one real PostgreSQL database, the sandbox as Crisp, each
/// node on a data directory of its own, with a 1 s collection window and quick RTM reconnects. Every
/// node logs into <see cref="Logs"/>; for diagnosing a failure, <c>RICHCONTACT_TEST_LOGS=&lt;dir&gt;</c>
/// keeps them there.
/// </summary>
internal sealed class EngineNodes(PostgresDatabase database, CrispSandbox sandbox, string testName) : IAsyncDisposable
{
    private readonly List<EngineHost> _nodes = [];
    private readonly List<TempDataDirectory> _data = [];

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>A node named <paramref name="name"/>, with <paramref name="settings"/> on top of the cluster's.</summary>
    public async Task<EngineHost> StartAsync(string name, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var data = new TempDataDirectory();
        _data.Add(data);
        var all = new Dictionary<string, string?>(database.EngineSettings)
        {
            ["RichContact:NodeName"] = name,
            ["RichContact:Crisp:Identifier"] = sandbox.Options.Identifier,
            ["RichContact:Crisp:Key"] = sandbox.Options.Key,
            ["RichContact:Crisp:ApiUrl"] = sandbox.ApiUrl.ToString(),
            ["RichContact:CollectionWindowSeconds"] = "1",
            ["RichContact:Rtm:ReconnectDelaySeconds"] = "0.2",
            ["RichContact:Rtm:MaxReconnectDelaySeconds"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        var node = await EngineHost.StartAsync(data.Path, all, services =>
            services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug)));
        _nodes.Add(node);
        return node;
    }

    /// <summary>The node that connected RTM, and the one on standby.</summary>
    public static async Task<(EngineHost Holder, EngineHost Standby)> HolderAndStandbyAsync(EngineHost a, EngineHost b)
    {
        await Eventually.TrueAsync(() => new[] { a, b }.Count(n => n.Get<CrispConnectionStatus>().State == CrispConnectionState.Connected) == 1
            && new[] { a, b }.Count(n => n.Get<CrispConnectionStatus>().State == CrispConnectionState.Standby) == 1, "one node to connect RTM and the other to stand by");
        return a.Get<CrispConnectionStatus>().State == CrispConnectionState.Connected ? (a, b) : (b, a);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Enumerable.Reverse(_nodes))
            await node.DisposeAsync();
        foreach (var data in _data)
            data.Dispose();
        if (Environment.GetEnvironmentVariable("RICHCONTACT_TEST_LOGS") is { Length: > 0 } logs)
            File.WriteAllLines(Path.Combine(Directory.CreateDirectory(logs).FullName, $"{testName}-{Guid.NewGuid():N}.log"), Logs.Lines);
    }
}
