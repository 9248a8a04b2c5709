namespace RichContact.Engine.Nodes;

/// <summary>Configuration key <c>RichContact:NodeName</c>, read by <see cref="NodeIdentity"/>.</summary>
public sealed class NodeOptions
{
    /// <summary>The key lives at the root of the app's section, where operators have always set it.</summary>
    public const string Section = "RichContact";

    /// <summary>
    /// This node's name among several on one PostgreSQL: the portal says which node holds RTM by it.
    /// Empty: the machine's name and the process id.
    /// </summary>
    public string? NodeName { get; set; }
}
