using RichContact.Engine.Crisp;

namespace RichContact.Engine;

/// <summary>Configuration section <c>RichContact</c>.</summary>
public sealed class RichContactOptions
{
    public const string Section = "RichContact";

    /// <summary>Where the app keeps its files (<see cref="Storage.DataDirectory"/> names them); relative paths are relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>How long a new conversation gathers the visitor's data before its contact is created.</summary>
    public double CollectionWindowSeconds { get; set; } = 2;

    /// <summary>Activity entries older than this are deleted (by <see cref="Activity.ActivityRetention"/>).</summary>
    public int ActivityRetentionDays { get; set; } = 180;

    public CrispOptions Crisp { get; set; } = new();

    /// <summary>
    /// This node's name among several on one PostgreSQL (Nodes/NodeIdentity.cs): the portal says which
    /// node holds RTM by it. Empty: the machine's name and the process id.
    /// </summary>
    public string? NodeName { get; set; }

    public TimeSpan CollectionWindow => TimeSpan.FromSeconds(CollectionWindowSeconds);
}
