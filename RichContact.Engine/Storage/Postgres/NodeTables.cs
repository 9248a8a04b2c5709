using Microsoft.EntityFrameworkCore;
using RichContact.Engine.Nodes;

namespace RichContact.Engine.Storage.Postgres;

/// <summary>
/// The tables that make a node stateless on PostgreSQL: what a single process keeps in files of its
/// data directory lives here, shared by every node. Only <see cref="Storage.Postgres.PostgresRichContactDb"/>
/// has them (its migrations create them); SQLite's model does not change. Nodes/ reads and writes them
/// with plain SQL (atomic upserts), so their column names are spelled out here once.
/// No personal data: names of small state, counts, signatures of deliveries, node names and key XML.
/// </summary>
public static class NodeTables
{
    /// <summary>PostgreSQL's limit on a connection's <c>application_name</c>, which carries the node's name.</summary>
    public const int NodeNameMaxLength = 63;

    public const string State = "node_state";
    public const string Budget = "crisp_request_budget";
    public const string HookSignatures = "hook_signatures";
    public const string Nodes = "nodes";
    public const string DataProtectionKeys = "data_protection_keys";

    internal static void Configure(ModelBuilder model)
    {
        model.Entity<NodeStateRow>(e =>
        {
            e.ToTable(State);
            e.HasKey(r => r.Name);
            e.Property(r => r.Name).HasColumnName("name").HasMaxLength(64);
            e.Property(r => r.Value).HasColumnName("value");
            e.Property(r => r.UpdatedAt).HasColumnName("updated_at").HasColumnType("timestamp with time zone");
        });
        model.Entity<RequestBudgetRow>(e =>
        {
            e.ToTable(Budget);
            e.HasKey(r => r.Day);
            e.Property(r => r.Day).HasColumnName("day");
            e.Property(r => r.Used).HasColumnName("used");
        });
        model.Entity<HookSignatureRow>(e =>
        {
            e.ToTable(HookSignatures);
            e.HasKey(r => r.Signature);
            e.Property(r => r.Signature).HasColumnName("signature").HasMaxLength(128);
            e.Property(r => r.ExpiresAt).HasColumnName("expires_at").HasColumnType("timestamp with time zone");
            e.HasIndex(r => r.ExpiresAt);
        });
        model.Entity<NodeRow>(e =>
        {
            e.ToTable(Nodes);
            e.HasKey(r => r.Name);
            e.Property(r => r.Name).HasColumnName("name").HasMaxLength(NodeNameMaxLength);
            e.Property(r => r.StartedAt).HasColumnName("started_at").HasColumnType("timestamp with time zone");
            e.Property(r => r.HeartbeatAt).HasColumnName("heartbeat_at").HasColumnType("timestamp with time zone");
            e.Property(r => r.HoldsRtm).HasColumnName("holds_rtm");
        });
        model.Entity<DataProtectionKeyRow>(e =>
        {
            e.ToTable(DataProtectionKeys);
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasColumnName("id");
            e.Property(r => r.FriendlyName).HasColumnName("friendly_name").HasMaxLength(256);
            e.Property(r => r.Xml).HasColumnName("xml");
        });
    }
}

/// <summary>One small piece of state a single process keeps as a file (<see cref="NodeState"/>): its file name, and its text.</summary>
public sealed class NodeStateRow
{
    public required string Name { get; set; }
    public required string Value { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Crisp requests all nodes sent on one UTC day (<see cref="SharedRequestCount"/>).</summary>
public sealed class RequestBudgetRow
{
    public DateOnly Day { get; set; }
    public int Used { get; set; }
}

/// <summary>A Web Hooks delivery's signature, taken by one node until it expires (<see cref="TakenHookSignatures"/>).</summary>
public sealed class HookSignatureRow
{
    public required string Signature { get; set; }
    public DateTime ExpiresAt { get; set; }
}

/// <summary>A node that beat lately (<see cref="NodeHeartbeat"/>), and whether it holds the RTM socket.</summary>
public sealed class NodeRow
{
    public required string Name { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime HeartbeatAt { get; set; }
    public bool HoldsRtm { get; set; }
}

/// <summary>An ASP.NET Core data-protection key (<see cref="PostgresXmlRepository"/>): the cookies' keys, shared so any node reads any node's cookie.</summary>
public sealed class DataProtectionKeyRow
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
