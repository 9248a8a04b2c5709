using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Activity;

/// <summary>The activity log's table in richcontact.db, and <c>db.Activity</c> to reach it.</summary>
public static class ActivityTable
{
    public const string OutcomeIndex = "UX_activity_outcome";

    /// <summary>The outcomes of <see cref="ActivityLog.IsOutcome"/>, in its order.</summary>
    internal const string OutcomeIndexFilter = "\"Outcome\" IN ('Created', 'Existing', 'Skipped', 'WouldCreate')";

    extension(RichContactDb db)
    {
        public DbSet<ActivityEntry> Activity => db.Set<ActivityEntry>();
    }

    /// <summary>Found by <see cref="RichContactDb"/> among the engine's table configurations.</summary>
    internal sealed class Configuration : IEntityTypeConfiguration<ActivityEntry>
    {
        public void Configure(EntityTypeBuilder<ActivityEntry> e)
        {
            e.ToTable("activity");
            e.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.WebsiteId, a.At });
            // One outcome per conversation, whoever records it (the job, or the tracker for a skip,
            // again after a restart's catch-up); failed attempts stay a history, and so do mends. A preview's
            // would-create is an outcome too: a conversation is previewed once. Also the index
            // HasOutcomeAsync looks a conversation up by: its filter is that query's.
            e.HasIndex(a => new { a.WebsiteId, a.SessionId }, OutcomeIndex).IsUnique().HasFilter(OutcomeIndexFilter);
        }
    }
}
