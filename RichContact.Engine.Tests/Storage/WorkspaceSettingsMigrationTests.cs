using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RichContact.Engine.Settings;
using RichContact.Engine.Storage;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Storage;

/// <summary>Upgrading a database written before the default country, the exclusions, the follow-up calls and phone-less contacts existed.</summary>
public class WorkspaceSettingsMigrationTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Websites_saved_before_get_placeholders_unsubscribed_no_timeline_line_no_default_country_and_no_exclusions()
    {
        var file = Path.Combine(_data.Path, DataDirectory.DatabaseFileName);
        await using (var db = new RichContactDb(new DbContextOptionsBuilder<RichContactDb>().UseSqlite($"Data Source={file};Pooling=False").Options))
        {
            await db.GetService<IMigrator>().MigrateAsync("20261130050821_Backfill");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO website_settings (WebsiteId, AllChannels, Channels, Enabled, EnrichGeolocation, MendPlaceholders, PreviewOnly, Segments, SkipIfEmailExists)
                VALUES ('saved-before', 1, '[]', 1, 0, 1, 0, '["vip"]', 1)
                """);
        }

        await using var engine = await EngineHost.StartAsync(_data.Path);

        var settings = await engine.Get<WebsiteSettingsStore>().GetAsync("saved-before");
        Assert.Equal((true, false, null), (settings.UnsubscribePlaceholders, settings.TimelineEvent, settings.DefaultCountry));
        Assert.Empty(settings.Exclusions);
        Assert.Equal(["vip"], settings.Segments);
    }

    [Fact]
    public async Task Websites_saved_before_phoneless_contacts_keep_skipping_phoneless_conversations()
    {
        var file = Path.Combine(_data.Path, DataDirectory.DatabaseFileName);
        await using (var db = new RichContactDb(new DbContextOptionsBuilder<RichContactDb>().UseSqlite($"Data Source={file};Pooling=False").Options))
        {
            await db.GetService<IMigrator>().MigrateAsync("20261207193714_AddWorkspaceSettings");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO website_settings (WebsiteId, AllChannels, Channels, Enabled, EnrichGeolocation, MendPlaceholders, PreviewOnly, Segments, SkipIfEmailExists,
                    Exclusions, UnsubscribePlaceholders, TimelineEvent)
                VALUES ('saved-before', 1, '[]', 1, 0, 1, 0, '[]', 1, '[]', 1, 1)
                """);
        }

        await using var engine = await EngineHost.StartAsync(_data.Path);
        var store = engine.Get<WebsiteSettingsStore>();

        var settings = await store.GetAsync("saved-before");
        Assert.Equal((false, true), (settings.PhonelessContacts, settings.TimelineEvent));
        Assert.True((await store.SaveAsync(settings with { PhonelessContacts = true })).IsValid);
        Assert.True((await store.GetAsync("saved-before")).PhonelessContacts);
    }
}
