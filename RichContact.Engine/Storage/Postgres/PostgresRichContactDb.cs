using Microsoft.EntityFrameworkCore;

namespace RichContact.Engine.Storage.Postgres;

/// <summary>
/// <see cref="RichContactDb"/> on PostgreSQL: the model is the base's, unchanged; the type exists
/// so that EF keeps this provider's migrations (Storage/Postgres/Migrations, attributed to this type)
/// apart from SQLite's (Storage/Migrations). <see cref="RichContactDbFactory"/> creates it.
/// </summary>
public sealed class PostgresRichContactDb(DbContextOptions<RichContactDb> options) : RichContactDb(options);
