using Microsoft.EntityFrameworkCore;

namespace RichContact.Engine.Storage.Postgres;

/// <summary>
/// <see cref="RichContactDb"/> on PostgreSQL: the base's model, plus the tables that keep what a
/// single process keeps in files of its data directory (<see cref="NodeTables"/>), so that several
/// nodes share it. The type also lets EF keep this provider's migrations (Storage/Postgres/Migrations,
/// attributed to this type) apart from SQLite's (Storage/Migrations). <see cref="RichContactDbFactory"/> creates it.
/// </summary>
internal sealed class PostgresRichContactDb(DbContextOptions<RichContactDb> options) : RichContactDb(options)
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        NodeTables.Configure(model);
    }
}
