using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Web.Tests.Reliability;

/// <summary>
/// The node processes of one test's cluster: each on a data directory of its own, all on one
/// PostgreSQL database with the sandbox as Crisp. Disposing kills what still runs and removes the directories.
/// </summary>
internal sealed class NodeCluster(CrispSandbox sandbox, string connectionString) : IDisposable
{
    private readonly List<TempDataDirectory> _data = [];
    private readonly List<NodeProcess> _nodes = [];

    public IReadOnlyList<NodeProcess> Nodes => _nodes;

    /// <summary>The nodes' data directories: on PostgreSQL they hold nothing.</summary>
    public IEnumerable<string> DataDirectories => _data.Select(d => d.Path);

    /// <summary>Every node's output, each line with its node's name: for a failure's message.</summary>
    public string AllOutput => string.Join("\n", _nodes.Select(n => n.Output));

    public NodeProcess Start(string name)
    {
        var data = new TempDataDirectory();
        _data.Add(data);
        var node = NodeProcess.Start(name, sandbox, connectionString, data.Path);
        _nodes.Add(node);
        return node;
    }

    public void Dispose()
    {
        foreach (var node in _nodes)
            node.Dispose();
        foreach (var data in _data)
            data.Dispose();
    }
}
