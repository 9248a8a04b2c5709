using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RichContact.Engine.Storage.Postgres;

/// <summary>
/// Lets <c>dotnet ef migrations add NAME --context PostgresRichContactDb --output-dir Storage/Postgres/Migrations</c>
/// build the PostgreSQL model without a server (adding a migration never connects).
/// </summary>
internal sealed class PostgresDesignTimeDbFactory : IDesignTimeDbContextFactory<PostgresRichContactDb>
{
    public PostgresRichContactDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<RichContactDb>().UseNpgsql("Host=localhost;Database=richcontact_design").Options);
}
