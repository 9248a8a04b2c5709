using System.Diagnostics;
using Microsoft.Data.Sqlite;
using RichContact.Engine.Activity;
using RichContact.Engine.Storage;
using RichContact.Engine.Tests.Crisp.Rtm;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Reliability;

/// <summary>
/// SQLite busy: another process holds an exclusive lock on richcontact.db while a contact job runs.
/// <c>RICHCONTACT_SOAK=1</c> holds it past the 30 s command timeout, so the job fails and Hangfire retries it.
/// </summary>
public class SqliteBusyTests : EngineEndToEndTest
{
    [Fact]
    public async Task Database_locked_by_another_process_delays_the_activity_entry_and_loses_nothing()
    {
        var hold = TimeSpan.FromSeconds(RtmOutageTests.Soak ? 40 : 3);
        var storage = Engine.Get<StorageStatus>();
        var failed = false;
        storage.Changed += () => failed |= storage.Failures.Count > 0;
        string session;
        await using (var locker = new SqliteConnection($"Data Source={Path.Combine(Data.Path, DataDirectory.DatabaseFileName)};Pooling=False"))
        {
            await locker.OpenAsync();
            await using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE";
                await begin.ExecuteNonQueryAsync();
            }
            var held = Stopwatch.StartNew();
            session = await StartConversationAsync("whatsapp", phone: "+351912345678");
            // The job reads through the lock (WAL) and makes the contact; writing its entry is all it has left.
            await Eventually.TrueAsync(async () => (await ProfilesAsync()).Count == 1, "the job to create the contact");
            if (hold - held.Elapsed is { Ticks: > 0 } rest)
                await Task.Delay(rest); // the fault's duration

            Assert.Empty(Activity.All); // the entry could not be written while the lock was held
            await using var commit = locker.CreateCommand();
            commit.CommandText = "COMMIT";
            await commit.ExecuteNonQueryAsync();
        }

        var outcome = await Activity.OutcomeAsync(session, TimeSpan.FromSeconds(90));
        // A job that failed while the lock was held and ran again finds the contact it made: "existing".
        Assert.Contains(outcome.Outcome, new[] { ActivityOutcome.Created, ActivityOutcome.Existing });
        Assert.Single(Activity.For(session));
        Assert.Single(await ProfilesAsync());
        // Shown while the job failed (soak: past the command timeout), cleared by the entry written afterwards.
        Assert.Equal(RtmOutageTests.Soak, failed);
        Assert.Empty(storage.Failures);
        if (RtmOutageTests.Soak)
            Assert.Contains(Logs.Lines, l => l.Contains("SqliteException") || l.Contains("database is locked"));
    }
}
