using Microsoft.EntityFrameworkCore;

namespace RichContact.Engine.Storage;

/// <summary>
/// The only data Rich Contact keeps: website settings, the activity log and backfill runs (no personal
/// data). Each feature configures its own tables (<c>IEntityTypeConfiguration</c> beside its entities)
/// and reaches them through its own extension (<c>db.Activity</c>, <c>db.WebsiteSettings</c>...).
/// </summary>
/// <remarks>Not sealed: <see cref="Postgres.PostgresRichContactDb"/> is this model on PostgreSQL, with its own migrations.</remarks>
public class RichContactDb(DbContextOptions<RichContactDb> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder model) =>
        model.ApplyConfigurationsFromAssembly(typeof(RichContactDb).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks instead. PostgreSQL
        // could, but keeps the ticks too: one model, so both providers' queries and data mean the same.
        conventions.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
