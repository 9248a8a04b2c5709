using Microsoft.Data.Sqlite;
using RichContact.Engine.Activity;
using RichContact.Engine.Storage;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Activity;

/// <summary>Old activity entries are deleted from the real richcontact.db, at start and then periodically.</summary>
public sealed class ActivityRetentionTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Entries_older_than_the_retention_period_are_deleted_at_start_and_newer_ones_stay()
    {
        var now = DateTimeOffset.UtcNow;
        await using (var first = await EngineHost.StartAsync(_data.Path))
        {
            var log = first.Get<ActivityLog>();
            await log.RecordAsync(Entry("old_1", now.AddDays(-181)));
            await log.RecordAsync(Entry("old_2", now.AddDays(-400)));
            await log.RecordAsync(Entry("recent", now.AddDays(-179)));
        }

        // Default retention: 180 days.
        await using var engine = await EngineHost.StartAsync(_data.Path);

        await Eventually.TrueAsync(async () => await SessionsAsync() is ["recent"], "the entries older than 180 days to be deleted");
    }

    [Fact]
    public async Task Purge_deletes_in_batches_and_the_filter_lists_forget_what_it_deleted()
    {
        // The start-up purge runs by itself, before the entries are recorded; the test runs the next
        // one (a timed run would race with the entries it records).
        await using var engine = await EngineHost.StartAsync(_data.Path, new Dictionary<string, string?>
        {
            ["RichContact:ActivityRetentionDays"] = "30",
            ["RichContact:ActivityRetention:IntervalHours"] = "1",
            ["RichContact:ActivityRetention:BatchSize"] = "2",
        });
        await engine.Get<ActivityRetention>().StartUpPurge;
        var log = engine.Get<ActivityLog>();
        var queries = engine.Get<ActivityQueries>();
        var now = DateTimeOffset.UtcNow;
        await log.RecordAsync(Entry("recent", now.AddDays(-29), channel: "whatsapp"));
        for (var i = 0; i < 5; i++)
            await log.RecordAsync(Entry($"old_{i}", now.AddDays(-31), channel: "telegram", website: "website-old"));
        Assert.Contains("telegram", await queries.ChannelsSeenAsync());

        Assert.Equal(5, await engine.Get<ActivityRetention>().PurgeAsync());

        Assert.Equal(["recent"], await SessionsAsync());
        Assert.Equal(["whatsapp"], await queries.ChannelsSeenAsync());
        Assert.Equal(["website-1"], await queries.WebsitesSeenAsync());
    }

    private static ActivityEntry Entry(string session, DateTimeOffset at, string channel = "whatsapp", string website = "website-1") =>
        new() { WebsiteId = website, SessionId = session, Channel = channel, Outcome = ActivityOutcome.Created, At = at };

    private async Task<List<string>> SessionsAsync()
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(_data.Path, DataDirectory.DatabaseFileName)};Pooling=False");
        await db.OpenAsync();
        await using var select = db.CreateCommand();
        select.CommandText = "SELECT SessionId FROM activity ORDER BY SessionId";
        var sessions = new List<string>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            sessions.Add(reader.GetString(0));
        return sessions;
    }
}
