using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RichContact.Engine.Storage.Postgres;

namespace RichContact.Engine.Storage;

/// <summary>
/// The <see cref="IDbContextFactory{RichContactDb}"/> every consumer injects. On PostgreSQL it hands
/// out <see cref="PostgresRichContactDb"/>: the same model, but its own migrations (EF finds a
/// context's migrations by its exact type), so SQLite's and PostgreSQL's migrations live side by side.
/// </summary>
internal sealed class RichContactDbFactory(DbContextOptions<RichContactDb> options, IOptions<StorageOptions> storage) : IDbContextFactory<RichContactDb>
{
    private readonly bool _postgres = storage.Value.IsPostgres;

    public RichContactDb CreateDbContext() => _postgres ? new PostgresRichContactDb(options) : new RichContactDb(options);
}
