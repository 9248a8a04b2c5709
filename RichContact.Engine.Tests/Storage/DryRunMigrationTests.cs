using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RichContact.Engine.Activity;
using RichContact.Engine.Settings;
using RichContact.Engine.Storage;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Storage;

/// <summary>Upgrading a database written before preview only (dry run) existed.</summary>
public class DryRunMigrationTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Websites_saved_before_keep_creating_and_a_would_create_counts_as_the_conversations_one_outcome()
    {
        var file = Path.Combine(_data.Path, DataDirectory.DatabaseFileName);
        await using (var db = new RichContactDb(new DbContextOptionsBuilder<RichContactDb>().UseSqlite($"Data Source={file};Pooling=False").Options))
        {
            await db.GetService<IMigrator>().MigrateAsync("20261130015344_PlaceholderMend");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO website_settings (WebsiteId, AllChannels, Channels, Enabled, EnrichGeolocation, MendPlaceholders, Segments, SkipIfEmailExists)
                VALUES ('saved-before', 1, '[]', 1, 0, 1, '["vip"]', 1)
                """);
            var at = DateTimeOffset.UtcNow.UtcTicks;
            await db.Database.ExecuteSqlAsync($"INSERT INTO activity (At, WebsiteId, SessionId, Outcome, RestCalls, Placeholder) VALUES ({at}, 'saved-before', 'decided', 'Created', 2, 1)");
        }

        await using var engine = await EngineHost.StartAsync(_data.Path);

        var settings = await engine.Get<WebsiteSettingsStore>().GetAsync("saved-before");
        Assert.False(settings.PreviewOnly);
        Assert.Equal(["vip"], settings.Segments);
        var log = engine.Get<ActivityLog>();
        ActivityEntry Entry(string session, ActivityOutcome outcome) => new() { WebsiteId = "saved-before", SessionId = session, Outcome = outcome };
        Assert.False(await log.RecordAsync(Entry("decided", ActivityOutcome.WouldCreate)));
        Assert.True(await log.RecordAsync(Entry("previewed", ActivityOutcome.WouldCreate)));
        Assert.True(await log.HasOutcomeAsync("saved-before", "previewed"));
        Assert.False(await log.RecordAsync(Entry("previewed", ActivityOutcome.Created)));
        Assert.True(await log.RecordAsync(Entry("previewed", ActivityOutcome.Failed)));
    }
}
