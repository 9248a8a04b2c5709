using Microsoft.Extensions.Options;
using RichContact.Engine.Storage.Postgres;

namespace RichContact.Engine.Nodes;

/// <summary>
/// This process's name among the nodes sharing one PostgreSQL: <c>RichContact:NodeName</c>, else the
/// machine's name and the process id (two processes on one machine stay apart). Not personal data:
/// it is written to the nodes table, the live feed's notifications and the logs.
/// </summary>
public sealed class NodeIdentity(IOptions<NodeOptions> options)
{
    /// <summary>PostgreSQL's application_name keeps 63 bytes; a node name is shown and compared whole, so it stays within them.</summary>
    public const int MaxLength = NodeTables.NodeNameMaxLength;

    private readonly string _name = NameOf(options.Value.NodeName);

    public string Name => _name;

    internal static string NameOf(string? configured)
    {
        var name = string.IsNullOrWhiteSpace(configured) ? $"{Environment.MachineName}-{Environment.ProcessId}" : configured.Trim();
        return name.Length <= MaxLength ? name : name[..MaxLength];
    }
}
