using Microsoft.EntityFrameworkCore;
using RichContact.Engine.Activity;
using RichContact.Engine.Backfill;
using RichContact.Engine.Settings;

namespace RichContact.Engine.Storage;

/// <summary>The only data Rich Contact keeps: website settings, the activity log and backfill runs (no personal data).</summary>
/// <remarks>Not sealed: <see cref="Postgres.PostgresRichContactDb"/> is this model on PostgreSQL, with its own migrations.</remarks>
public class RichContactDb(DbContextOptions<RichContactDb> options) : DbContext(options)
{
    public DbSet<WebsiteSettings> WebsiteSettings => Set<WebsiteSettings>();
    public DbSet<ActivityEntry> Activity => Set<ActivityEntry>();
    public DbSet<BackfillRun> BackfillRuns => Set<BackfillRun>();
    public DbSet<BackfillConversation> BackfillConversations => Set<BackfillConversation>();

    public const string OutcomeIndex = "UX_activity_outcome";
    /// <summary>The outcomes of <see cref="Activity.ActivityLog.IsOutcome"/>, in its order.</summary>
    internal const string OutcomeIndexFilter = "\"Outcome\" IN ('Created', 'Existing', 'Skipped', 'WouldCreate')";

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<WebsiteSettings>(e =>
        {
            e.ToTable("website_settings");
            e.HasKey(s => s.WebsiteId);
            e.Property(s => s.WebsiteId).HasMaxLength(64);
        });

        model.Entity<ActivityEntry>(e =>
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
        });

        BackfillModel.Configure(model);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks instead. PostgreSQL
        // could, but keeps the ticks too: one model, so both providers' queries and data mean the same.
        conventions.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
