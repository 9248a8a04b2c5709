using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp;
using RichContact.Engine.Storage;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Storage.Postgres;

/// <summary>
/// PostgreSQL refuses connections for a while (its open ones are closed too), as during a restart or a
/// failover: both stores fail at once — the settings and activity tables, and Hangfire's schema —
/// like SQLite's locked files (SqliteBusyTests, JobStorageFaultTests). The node also loses the RTM
/// lock with its connection and drops its socket (Nodes/RtmLeadership.cs). A conversation heard before
/// that is held, one that starts after it is caught up once the node holds RTM again: none is lost, and
/// each gets one contact and one outcome once the database is back. (How the failure reads on the
/// portal: StorageOptionsTests.)
/// </summary>
public class PostgresOutageTests : EngineEndToEndTest
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(4);

    protected override bool OnPostgres => true;

    /// <summary>Long enough for the database to refuse before a conversation's job runs, however loaded the machine.</summary>
    protected override double CollectionWindowSeconds => 3;

    [Fact]
    public async Task Conversations_heard_while_postgresql_refuses_connections_each_get_one_contact_once_it_is_back()
    {
        var storage = Engine.Get<StorageStatus>();
        var scheduler = Engine.Get<ContactJobScheduler>();
        var connection = Engine.Get<CrispConnectionStatus>();
        // Before the outage: works, and the website's settings are read (and cached) already.
        var before = await StartConversationAsync("whatsapp", phone: "+351912345600");
        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(before)).Outcome);

        await Postgres!.RefuseConnectionsAsync();
        var first = await StartConversationAsync("whatsapp", phone: "+351912345601");
        var second = await StartConversationAsync("telegram", phone: "+351912345602");
        // Whichever comes first for each: held by the scheduler, or unheard because the socket dropped.
        await Eventually.TrueAsync(() => connection.State != CrispConnectionState.Connected, "the node to drop RTM with its lock", TimeSpan.FromSeconds(30));
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
        await Eventually.TrueAsync(() => connection.State == CrispConnectionState.Connected, "the node to hold RTM again");
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
        // The job held when it runs, or, when the refusal came before the tracker scheduled it, the conversation held by the scheduler.
        await Eventually.TrueAsync(() => Logs.Lines.Any(l => l.Contains(session) && (l.Contains(" held: ") || l.Contains("Could not schedule the contact job"))),
            "the conversation to meet the refusing database", TimeSpan.FromSeconds(30));
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
