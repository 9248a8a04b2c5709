using Microsoft.Data.Sqlite;
using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Storage;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Reliability;

/// <summary>A conversation's outcome is in the activity log once, however often the conversation is heard.</summary>
public class OneOutcomePerConversationTests : EngineEndToEndTest
{
    [Fact]
    public async Task Skipped_conversation_replayed_by_the_catch_up_after_a_restart_keeps_one_entry()
    {
        await SaveSettingsAsync(s => s with { Enabled = false });
        var before = await StartConversationAsync("whatsapp", phone: "+351912345601");
        Assert.Equal(ReasonCodes.Disabled, (await Activity.OutcomeAsync(before)).Reason);

        var caughtUp = Logs.Lines.Count(l => l.Contains("Caught up"));
        await StopEngineAsync();
        await StartEngineAsync();
        // The start-up catch-up lists the conversation again (it began after the last event mark).
        await Eventually.TrueAsync(() => Logs.Lines.Count(l => l.Contains("Caught up")) > caughtUp, "the start-up catch-up");
        // Heard after the replayed events in the same queue: once it is decided, so is the replay.
        var after = await StartConversationAsync("whatsapp", phone: "+351912345602");
        await Activity.OutcomeAsync(after);

        Assert.Empty(Activity.For(before));
        Assert.Equal(1, await EntriesInDatabaseAsync(before));
    }

    [Fact]
    public async Task Outcome_recorded_twice_is_stored_once_but_failed_attempts_stay()
    {
        var log = Engine.Get<ActivityLog>();
        ActivityEntry Entry(ActivityOutcome outcome) => new() { WebsiteId = WebsiteId, SessionId = "session_twice", Channel = "whatsapp", Outcome = outcome };

        Assert.True(await log.RecordAsync(Entry(ActivityOutcome.Failed)));
        Assert.True(await log.RecordAsync(Entry(ActivityOutcome.Failed)));
        Assert.True(await log.RecordAsync(Entry(ActivityOutcome.Skipped)));
        Assert.False(await log.RecordAsync(Entry(ActivityOutcome.Skipped)));
        Assert.False(await log.RecordAsync(Entry(ActivityOutcome.Created)));

        Assert.Equal(3, await EntriesInDatabaseAsync("session_twice"));
        Assert.Equal(3, Activity.For("session_twice").Count); // the live feed saw no duplicate either
        Assert.Empty(Engine.Get<StorageStatus>().Failures);
    }

    /// <summary>Counted in the database itself, whichever provider this test runs on.</summary>
    private async Task<long> EntriesInDatabaseAsync(string sessionId)
    {
        if (Postgres is null)
            return await EntriesInDatabaseAsync(Data.Path, sessionId);
        await using var db = new Npgsql.NpgsqlConnection(Postgres.ConnectionString);
        await db.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT COUNT(*) FROM activity WHERE \"SessionId\" = @session", db);
        count.Parameters.AddWithValue("session", sessionId);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    internal static async Task<long> EntriesInDatabaseAsync(string dataDirectory, string sessionId)
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, DataDirectory.DatabaseFileName)};Pooling=False");
        await db.OpenAsync();
        await using var count = db.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM activity WHERE SessionId = $session";
        count.Parameters.AddWithValue("$session", sessionId);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
