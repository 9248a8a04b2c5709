using Microsoft.EntityFrameworkCore;

namespace RichContact.Engine.Storage;

/// <summary>
/// The only data Rich Contact keeps: website settings, the activity log and backfill runs (no personal
/// data). Each feature configures its own tables (<c>IEntityTypeConfiguration</c> beside its entities)
/// and reaches them through its own extension (<c>db.Activity</c>, <c>db.WebsiteSettings</c>...).
/// </summary>
public sealed class RichContactDb(DbContextOptions<RichContactDb> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder model) =>
        model.ApplyConfigurationsFromAssembly(typeof(RichContactDb).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks instead.
        conventions.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
