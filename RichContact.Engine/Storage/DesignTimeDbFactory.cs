using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RichContact.Engine.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the web app.</summary>
internal sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<RichContactDb>
{
    public RichContactDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<RichContactDb>().UseSqlite("Data Source=design.db").Options);
}
