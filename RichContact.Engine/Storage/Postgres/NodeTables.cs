using Microsoft.EntityFrameworkCore;

namespace RichContact.Engine.Storage.Postgres;

/// <summary>
/// The tables that make a node stateless on PostgreSQL: what a single process keeps in files of its
/// data directory lives here, shared by every node. Only <see cref="Storage.Postgres.PostgresRichContactDb"/>
/// has them (its migrations create them); SQLite's model does not change. Nodes/ reads and writes them
/// with plain SQL (atomic upserts), so their column names are spelled out here once.
/// No personal data: names of small state, counts, signatures of deliveries, node names and key XML.
/// </summary>
internal static class NodeTables
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
