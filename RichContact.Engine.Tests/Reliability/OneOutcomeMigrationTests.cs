using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RichContact.Engine.Storage;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Reliability;

/// <summary>Upgrading a database that holds the duplicates the earlier versions wrote.</summary>
public class OneOutcomeMigrationTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Upgrade_keeps_the_first_of_duplicate_outcomes_and_every_failed_attempt()
    {
        var file = Path.Combine(_data.Path, DataDirectory.DatabaseFileName);
        await using (var db = new RichContactDb(new DbContextOptionsBuilder<RichContactDb>().UseSqlite($"Data Source={file};Pooling=False").Options))
        {
            await db.GetService<IMigrator>().MigrateAsync("20261124203307_Initial");
            var at = DateTimeOffset.UtcNow.UtcTicks; // recent: the retention purge at start must not be what removes them
            foreach (var (session, outcome) in new[] { ("s1", "Skipped"), ("s1", "Skipped"), ("s2", "Failed"), ("s2", "Failed"), ("s2", "Created"), ("s3", "Created") })
                await db.Database.ExecuteSqlAsync($"INSERT INTO activity (At, WebsiteId, SessionId, Outcome, RestCalls) VALUES ({at}, 'w', {session}, {outcome}, 0)");
        }

        await using (await EngineHost.StartAsync(_data.Path)) { }

        Assert.Equal(1, await OneOutcomePerConversationTests.EntriesInDatabaseAsync(_data.Path, "s1"));
        Assert.Equal(3, await OneOutcomePerConversationTests.EntriesInDatabaseAsync(_data.Path, "s2"));
        Assert.Equal(1, await OneOutcomePerConversationTests.EntriesInDatabaseAsync(_data.Path, "s3"));
    }
}
