using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Settings;

/// <summary>The website settings' table in richcontact.db, and <c>db.WebsiteSettings</c> to reach it.</summary>
internal static class WebsiteSettingsTable
{
    extension(RichContactDb db)
    {
        public DbSet<WebsiteSettings> WebsiteSettings => db.Set<WebsiteSettings>();
    }

    /// <summary>Found by <see cref="RichContactDb"/> among the engine's table configurations.</summary>
    internal sealed class Configuration : IEntityTypeConfiguration<WebsiteSettings>
    {
        public void Configure(EntityTypeBuilder<WebsiteSettings> e)
        {
            e.ToTable("website_settings");
            e.HasKey(s => s.WebsiteId);
            e.Property(s => s.WebsiteId).HasMaxLength(64);
        }
    }
}
