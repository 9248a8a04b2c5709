using Hangfire;
using Microsoft.Data.Sqlite;
using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Storage;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Reliability;

/// <summary>
/// richcontact.db refuses the activity entry of a contact the job has just created in Crisp, for
/// longer than Hangfire's retries last (a disk that stays full). The refusal is a trigger that
/// aborts every insert into the activity table: a real SQLite error, at once, without the 30 s busy
/// timeout of a lock, and without filling the disk hangfire.db shares.
/// </summary>
public class ActivityDatabaseFaultTests : EngineEndToEndTest
{
    [Fact]
    public async Task Activity_database_refusing_writes_longer_than_hangfire_retries_holds_the_job_and_records_created_once_it_is_back()
    {
        var refusals = CountDatabaseRefusals();
        string session;
        await using (await ActivityRefusal.StartAsync(Data.Path))
        {
            session = await StartConversationAsync("whatsapp", phone: "+351912345678");
            await Eventually.TrueAsync(async () => (await ProfilesAsync()).Count == 1, "the job to create the contact");
            // Hangfire alone would have given up after the first run and its 3 retries (2 s, 10 s and 30 s apart).
            await Eventually.TrueAsync(() => refusals() > CreateContactJob.Retries + 1, "richcontact.db to refuse the entry more often than Hangfire retries");
            Assert.Empty(Activity.All);
        }

        var outcome = await Activity.OutcomeAsync(session, TimeSpan.FromSeconds(40));
        Assert.Equal(ActivityOutcome.Created, outcome.Outcome);
        Assert.Equal((await ProfilesAsync()).Single()["people_id"]!.GetValue<string>(), outcome.PeopleId);
        Assert.Single(Activity.For(session));
        Assert.Empty(Engine.Get<StorageStatus>().Failures);
        var jobs = Engine.Get<JobStorage>().GetMonitoringApi();
        Assert.Equal(0, jobs.FailedCount());
        await Eventually.TrueAsync(() => jobs.SucceededListCount() == 1, "the job to end Succeeded");
        Assert.Contains(Logs.Lines, l => l.StartsWith("Warning") && l.Contains("held") && l.Contains(session) && l.Contains("SqliteException"));
    }

    [Fact]
    public async Task Contact_created_before_the_database_failed_is_recorded_created_by_the_next_process()
    {
        var refusals = CountDatabaseRefusals();
        string session;
        await using (await ActivityRefusal.StartAsync(Data.Path))
        {
            session = await StartConversationAsync("whatsapp", phone: "+351912345678");
            await Eventually.TrueAsync(() => refusals() >= 1, "richcontact.db to refuse the entry");
            await StopEngineAsync();
        }

        // The new process knows nothing of the first run but what hangfire.db kept: the job and the profile's id.
        await StartEngineAsync();
        var outcome = await Activity.OutcomeAsync(session, TimeSpan.FromSeconds(40));
        Assert.Equal(ActivityOutcome.Created, outcome.Outcome);
        Assert.Equal((await ProfilesAsync()).Single()["people_id"]!.GetValue<string>(), outcome.PeopleId);
        Assert.Single(Activity.For(session));
    }

    [Fact]
    public async Task Contact_created_before_the_database_failed_is_recorded_created_by_another_job_of_the_conversation()
    {
        var refusals = CountDatabaseRefusals();
        string session;
        await using (await ActivityRefusal.StartAsync(Data.Path))
        {
            session = await StartConversationAsync("whatsapp", phone: "+351912345678");
            await Eventually.TrueAsync(() => refusals() >= 1, "richcontact.db to refuse the entry");
            await StopEngineAsync();
        }

        // The next process's catch-up schedules the conversation again, and that job may run before the
        // first one (seen under load), with none of its parameters and nothing in memory. Here the first
        // job is gone from hangfire.db before the start, so only the new job can record the outcome.
        await ForgetJobsAsync();
        await StartEngineAsync();

        var outcome = await Activity.OutcomeAsync(session, TimeSpan.FromSeconds(40));
        Assert.Equal(ActivityOutcome.Created, outcome.Outcome);
        Assert.Equal((await ProfilesAsync()).Single()["people_id"]!.GetValue<string>(), outcome.PeopleId);
        Assert.Single(Activity.For(session));
    }

    [Fact]
    public async Task Skip_the_database_refuses_is_recorded_once_the_database_is_back()
    {
        await SaveSettingsAsync(s => s with { Enabled = false });
        var refusals = CountDatabaseRefusals();
        string session;
        await using (await ActivityRefusal.StartAsync(Data.Path))
        {
            session = await StartConversationAsync("whatsapp", phone: "+351912345678");
            // The tracker's entry, then the job's: both refused.
            await Eventually.TrueAsync(() => refusals() >= 2, "richcontact.db to refuse the skip twice");
        }

        var outcome = await Activity.OutcomeAsync(session, TimeSpan.FromSeconds(40));
        Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.Disabled), (outcome.Outcome, outcome.Reason));
        Assert.Single(Activity.For(session));
        Assert.Empty(await ProfilesAsync());
    }

    /// <summary>Deletes every job from hangfire.db (its tables as Hangfire.Storage.SQLite names them), keeping the rest.</summary>
    private async Task ForgetJobsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Data.Path, DataDirectory.JobStorageFileName)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM JobQueue; DELETE FROM State; DELETE FROM JobParameter; DELETE FROM \"Set\"; DELETE FROM Job;";
        Assert.True(await command.ExecuteNonQueryAsync() > 0, "hangfire.db held no job to forget");
    }

    /// <summary>How many times richcontact.db failed so far (each failure reaches the storage status).</summary>
    private Func<int> CountDatabaseRefusals()
    {
        var storage = Engine.Get<StorageStatus>();
        var count = 0;
        storage.Changed += () =>
        {
            if (storage.Failures.Any(f => f.File == StorageFile.Database))
                Interlocked.Increment(ref count);
        };
        return () => Volatile.Read(ref count);
    }
}
