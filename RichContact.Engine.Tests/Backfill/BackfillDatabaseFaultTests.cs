using Hangfire;
using Microsoft.Data.Sqlite;
using RichContact.Engine.Activity;
using RichContact.Engine.Backfill;
using RichContact.Engine.Storage;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Backfill;

/// <summary>
/// richcontact.db refuses the run's own records (what each conversation came to) for longer than
/// Hangfire's retries last: the batch is held like a contact job and goes on once the database is back.
/// The refusal is a trigger: a real SQLite error, at once.
/// </summary>
public class BackfillDatabaseFaultTests : BackfillTest
{
    [Fact]
    public async Task Backfill_whose_store_fails_is_held_and_completes_once_the_database_is_back_with_one_contact_per_conversation()
    {
        var sessions = await PastWhatsAppConversationsAsync(6);
        var preview = await PreviewAsync();
        await ExecuteAsync("CREATE TRIGGER refuse_backfill BEFORE UPDATE ON backfill_conversation BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");

        await Runs.StartAsync(preview.Run.Id);
        // Hangfire alone would have given up after 5 retries, the first 10 s after the failure.
        await Eventually.TrueAsync(() => Logs.Lines.Count(l => l.Contains($"Backfill {preview.Run.Id}: batch held")) >= 4,
            "the batch to be held several times", TimeSpan.FromSeconds(90));
        Assert.Equal(BackfillStatus.Running, (await RunAsync(preview.Run.Id)).Status);
        Assert.Equal(0, Engine.Get<JobStorage>().GetMonitoringApi().FailedCount());

        await ExecuteAsync("DROP TRIGGER refuse_backfill");

        var done = await UntilStatusAsync(preview.Run.Id, BackfillStatus.Done);
        Assert.Equal(6, done.Total);
        Assert.Equal(6, (await ProfilesAsync()).Count);
        foreach (var session in sessions)
            Assert.Equal(ActivityOutcome.Created, Assert.Single(await EntriesAsync(session)).Outcome);
        Assert.Equal(0, Engine.Get<JobStorage>().GetMonitoringApi().FailedCount());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Data.Path, DataDirectory.DatabaseFileName)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
