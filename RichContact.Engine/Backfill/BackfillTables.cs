using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Backfill;

/// <summary>The backfill's tables in richcontact.db, and <c>db.BackfillRuns</c>, <c>db.BackfillConversations</c> to reach them.</summary>
internal static class BackfillTables
{
    public const string ActiveRunIndex = "UX_backfill_run_active";

    extension(RichContactDb db)
    {
        public DbSet<BackfillRun> BackfillRuns => db.Set<BackfillRun>();
        public DbSet<BackfillConversation> BackfillConversations => db.Set<BackfillConversation>();
    }

    /// <summary>Found by <see cref="RichContactDb"/> among the engine's table configurations.</summary>
    internal sealed class RunConfiguration : IEntityTypeConfiguration<BackfillRun>
    {
        public void Configure(EntityTypeBuilder<BackfillRun> e)
        {
            e.ToTable("backfill_run");
            e.Property(r => r.WebsiteId).HasMaxLength(64);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(24);
            e.Property(r => r.Chain).HasMaxLength(32);
            e.Property(r => r.LastError).HasMaxLength(64);
            e.Ignore(r => r.Done);
            e.Ignore(r => r.IsActive);
            e.HasIndex(r => new { r.WebsiteId, r.CreatedAt });
            // One run per website at a time, whoever starts it (two browser tabs, say).
            e.HasIndex(r => r.WebsiteId, ActiveRunIndex).IsUnique()
                .HasFilter("\"Status\" IN ('Previewed', 'Running', 'Paused', 'WaitingForBudget')");
        }
    }

    /// <summary>Found by <see cref="RichContactDb"/> among the engine's table configurations.</summary>
    internal sealed class ConversationConfiguration : IEntityTypeConfiguration<BackfillConversation>
    {
        public void Configure(EntityTypeBuilder<BackfillConversation> e)
        {
            e.ToTable("backfill_conversation");
            e.HasKey(c => new { c.RunId, c.SessionId });
            e.Property(c => c.SessionId).HasMaxLength(128);
            e.Property(c => c.Channel).HasMaxLength(64);
            e.Property(c => c.Result).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(c => new { c.RunId, c.Position });
            e.HasOne<BackfillRun>().WithMany().HasForeignKey(c => c.RunId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
