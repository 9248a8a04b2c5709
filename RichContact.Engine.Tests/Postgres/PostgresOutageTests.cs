using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Storage;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Postgres;

/// <summary>
/// PostgreSQL refuses connections for a while (its open ones are closed too), as during a restart or a
/// failover: both stores fail at once — the settings and activity tables, and Hangfire's schema —
/// like SQLite's locked files (SqliteBusyTests, JobStorageFaultTests). Conversations heard meanwhile
/// are held, none is lost, and each gets one contact and one outcome once the database is back.
/// </summary>
public class PostgresOutageTests : EngineEndToEndTest
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(4);

    protected override bool OnPostgres => true;

    [Fact]
    public async Task Conversations_heard_while_postgresql_refuses_connections_each_get_one_contact_once_it_is_back()
    {
        var storage = Engine.Get<StorageStatus>();
        var scheduler = Engine.Get<ContactJobScheduler>();
        // Before the outage: works, and the website's settings are read (and cached) already.
        var before = await StartConversationAsync("whatsapp", phone: "+351912345600");
        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(before)).Outcome);

        await Postgres!.RefuseConnectionsAsync();
        var first = await StartConversationAsync("whatsapp", phone: "+351912345601");
        var second = await StartConversationAsync("telegram", phone: "+351912345602");
        await Eventually.TrueAsync(() => scheduler.HeldCount == 2, "both conversations to be held", TimeSpan.FromSeconds(30));
        var failure = Assert.Single(storage.Failures, f => f.File == StorageFile.JobStorage);
        Assert.Contains("PostgreSQL", failure.Message);
        Assert.DoesNotContain(DataDirectory.JobStorageFileName, failure.Message);
        await Task.Delay(Outage);
        Assert.Empty(Activity.For(first));
        Assert.Empty(Activity.For(second));
        await Postgres.AllowConnectionsAsync();

        Assert.All(await Task.WhenAll(Activity.OutcomeAsync(first, TimeSpan.FromSeconds(90)), Activity.OutcomeAsync(second, TimeSpan.FromSeconds(90))),
            outcome => Assert.Equal(ActivityOutcome.Created, outcome.Outcome));
        Assert.Single(Activity.For(first));
        Assert.Single(Activity.For(second));
        Assert.Equal(3, (await ProfilesAsync()).Count);
        Assert.Equal(0, scheduler.HeldCount);
        await Eventually.TrueAsync(() => storage.Failures.Count == 0, "the storage failures to clear");
        // Only the exception's type is logged, never the connection string.
        Assert.DoesNotContain(Logs.Lines, l => l.Contains(Postgres.ConnectionString));
    }

    [Fact]
    public async Task Contact_job_running_while_postgresql_refuses_connections_is_held_and_records_its_outcome_once_it_is_back()
    {
        var storage = Engine.Get<StorageStatus>();
        var session = await StartConversationAsync("whatsapp", phone: "+351912345610");
        await WaitUntilTrackedAsync(session);
        // The job is scheduled; the database goes before its window ends, so the job meets it refusing.
        await Postgres!.RefuseConnectionsAsync();
        await Eventually.TrueAsync(() => storage.Failures.Count > 0, "the job to meet the refusing database", TimeSpan.FromSeconds(30));
        await Task.Delay(Outage);
        Assert.Empty(Activity.For(session));
        await Postgres.AllowConnectionsAsync();

        var outcome = await Activity.OutcomeAsync(session, TimeSpan.FromSeconds(90));
        // A job held after it made the contact finds it on its next run: "existing" is as good.
        Assert.Contains(outcome.Outcome, new[] { ActivityOutcome.Created, ActivityOutcome.Existing });
        Assert.Single(Activity.For(session));
        Assert.Single(await ProfilesAsync());
        await Eventually.TrueAsync(() => storage.Failures.Count == 0, "the storage failures to clear");
    }
}
