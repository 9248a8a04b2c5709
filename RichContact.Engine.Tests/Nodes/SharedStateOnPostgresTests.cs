using System.Globalization;
using System.Text;
using Npgsql;
using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp.Hooks;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Crisp.Rtm;
using RichContact.Engine.Nodes;
using RichContact.Engine.Settings;
using RichContact.Sandbox;
using RichContact.Sandbox.Hooks;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Nodes;

/// <summary>
/// Two engine hosts on one real PostgreSQL database and one sandbox, as two nodes behind a load
/// balancer: what one node saves or hears from Crisp, the other obeys, by notification. Copies are
/// kept for an hour here (<c>RichContact:Storage:CopyLifetimeSeconds</c>), so that nothing but the
/// notification can make the other node see a change.
/// </summary>
public sealed class SharedStateOnPostgresTests : IAsyncLifetime
{
    private const string HookSecret = "914a657d8cc2efbc20593f1806f9bde2";

    private PostgresDatabase _database = null!;
    private CrispSandbox _sandbox = null!;
    private EngineNodes _nodes = null!;

    private string WebsiteId => _sandbox.Options.Websites[0].Id;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _sandbox = await CrispSandbox.StartAsync();
        _nodes = new EngineNodes(_database, _sandbox, nameof(SharedStateOnPostgresTests));
    }

    public async Task DisposeAsync()
    {
        await _nodes.DisposeAsync();
        await _sandbox.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<(EngineHost A, EngineHost B)> StartNodesAsync(string events = "rtm")
    {
        // One after the other: the first applies the migrations and creates Hangfire's schema.
        var a = await StartNodeAsync("node-a", events);
        var b = await StartNodeAsync("node-b", events);
        return (a, b);
    }

    private Task<EngineHost> StartNodeAsync(string name, string events) =>
        _nodes.StartAsync(name, new Dictionary<string, string?>
        {
            ["RichContact:Storage:CopyLifetimeSeconds"] = "3600",
            ["RichContact:Crisp:Events"] = events,
            ["RichContact:Crisp:HookSecret"] = HookSecret,
        });

    private static Task UntilListeningAsync(params EngineHost[] nodes) =>
        Eventually.TrueAsync(() => nodes.All(n => n.Get<PostgresStateChanges>().IsListening), "every node to listen for changes");

    [Fact]
    public async Task Settings_saved_on_one_node_are_obeyed_by_the_node_that_decides_the_conversation()
    {
        var (a, b) = await StartNodesAsync();
        var (holder, standby) = await EngineNodes.HolderAndStandbyAsync(a, b);
        await UntilListeningAsync(a, b);
        using var activity = new ActivityRecorder(holder.Get<ActivityStream>());
        // The deciding node holds a copy of the website's settings (its contact jobs read them).
        Assert.False((await holder.Get<WebsiteSettingsStore>().GetAsync(WebsiteId)).PreviewOnly);

        // The owner turns on "Preview only" in the settings page the other node served.
        await standby.Get<WebsiteSettingsStore>().SaveAsync(WebsiteSettings.DefaultsFor(WebsiteId) with { PreviewOnly = true });
        await Eventually.TrueAsync(async () => (await holder.Get<WebsiteSettingsStore>().GetAsync(WebsiteId)).PreviewOnly,
            "the deciding node to drop its copy", TimeSpan.FromSeconds(10));

        var session = await _sandbox.Control.StartConversationAsync(new StartConversationRequest
        {
            WebsiteId = WebsiteId, Origin = "whatsapp", Phone = "+351 912 345 678", Nickname = "Rita Lopes",
        });
        Assert.Equal(ActivityOutcome.WouldCreate, (await activity.OutcomeAsync(session)).Outcome);
        Assert.Empty(await _sandbox.Control.ProfilesAsync(WebsiteId));

        // Then drops the channel: the next conversation is skipped, whichever node served the page.
        await standby.Get<WebsiteSettingsStore>().SaveAsync(WebsiteSettings.DefaultsFor(WebsiteId) with { AllChannels = false, Channels = ["telegram"] });
        await Eventually.TrueAsync(async () => !(await holder.Get<WebsiteSettingsStore>().GetAsync(WebsiteId)).AllChannels,
            "the deciding node to drop its copy again", TimeSpan.FromSeconds(10));
        var skipped = await _sandbox.Control.StartConversationAsync(new StartConversationRequest
        {
            WebsiteId = WebsiteId, Origin = "whatsapp", Phone = "+351 912 345 679", Nickname = "Rui Lopes",
        });
        Assert.Equal(ActivityOutcome.Skipped, (await activity.OutcomeAsync(skipped)).Outcome);
        Assert.Empty(await _sandbox.Control.ProfilesAsync(WebsiteId));
    }

    [Fact]
    public async Task A_change_announced_while_a_nodes_listening_connection_was_broken_reaches_it_when_it_listens_again()
    {
        var (a, b) = await StartNodesAsync();
        await UntilListeningAsync(a, b);
        Assert.True((await b.Get<WebsiteSettingsStore>().GetAsync(WebsiteId)).Enabled);

        // B's listening connection dies (a PostgreSQL failover, a cut); A saves before B listens again (it waits 1 s).
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            // This test's database only: other test classes on the same server name their nodes node-b too.
            await using var terminate = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'richcontact changes node-b' AND datname = current_database()", connection);
            Assert.Equal(1L, await terminate.ExecuteScalarAsync());
        }
        await a.Get<WebsiteSettingsStore>().SaveAsync(WebsiteSettings.DefaultsFor(WebsiteId) with { Enabled = false });

        await Eventually.TrueAsync(async () => !(await b.Get<WebsiteSettingsStore>().GetAsync(WebsiteId)).Enabled,
            "node B to drop its copy once it listens again", TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task An_uninstalled_websites_token_no_longer_opens_its_settings_page_on_the_standby_node()
    {
        var (a, b) = await StartNodesAsync();
        var (_, standby) = await EngineNodes.HolderAndStandbyAsync(a, b);
        await UntilListeningAsync(a, b);
        var website = _sandbox.Options.Websites[1];
        Assert.True(await standby.Get<SubscribedWebsites>().IsValidTokenAsync(website.Id, website.Token));

        // Crisp tells the RTM holder alone (plugin:subscription:updated, unbound).
        await _sandbox.Control.UnsubscribeWebsiteAsync(website.Id);

        await Eventually.TrueAsync(() => !standby.Get<SubscribedWebsites>().Contains(website.Id), "the standby node to forget the website", TimeSpan.FromSeconds(10));
        Assert.False(await standby.Get<SubscribedWebsites>().IsValidTokenAsync(website.Id, website.Token));
    }

    [Fact]
    public async Task With_web_hooks_an_install_one_node_received_opens_the_settings_page_on_every_node()
    {
        var (a, b) = await StartNodesAsync(events: "hooks");
        await UntilListeningAsync(a, b);
        await Eventually.TrueAsync(() => a.Get<SubscribedWebsites>().IsLoaded && b.Get<SubscribedWebsites>().IsLoaded, "both nodes to list the websites");
        var installed = await _sandbox.Control.SubscribeWebsiteAsync(new SubscribeWebsiteRequest { Name = "New Shop" });
        // Both nodes take hooks, so neither asks Crisp on a miss: an unknown website is a made-up one.
        Assert.False(await b.Get<SubscribedWebsites>().IsValidTokenAsync(installed.WebsiteId, installed.Token));

        // Crisp delivers the install's hook to node A only.
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var body = $$"""{"website_id":"{{installed.WebsiteId}}","event":"plugin:subscription:updated","data":{"website_id":"{{installed.WebsiteId}}","bound":true},"timestamp":{{timestamp}}}""";
        Assert.Equal(HookDelivery.Accepted, await a.Get<CrispHookReceiver>().ReceiveAsync(Encoding.UTF8.GetBytes(body), timestamp, HookSignature.Sign(HookSecret, timestamp, body)));

        await Eventually.TrueAsync(() => b.Get<SubscribedWebsites>().IsValidTokenAsync(installed.WebsiteId, installed.Token),
            "node B to accept the new website's token", TimeSpan.FromSeconds(15));
        Assert.False(await b.Get<SubscribedWebsites>().IsValidTokenAsync(installed.WebsiteId, "forged"));
    }

    [Fact]
    public async Task A_flood_of_requests_for_unknown_websites_on_two_nodes_costs_one_refresh_for_the_cluster()
    {
        // No node can connect RTM: the holder keeps reconnecting, the other stands by, and neither hears installs.
        await _sandbox.Control.FaultsAsync(new SandboxFaults { RefuseRtmSeconds = 600 });
        var (a, b) = await StartNodesAsync();
        await Eventually.TrueAsync(() => a.Get<SubscribedWebsites>().IsLoaded && b.Get<SubscribedWebsites>().IsLoaded, "both nodes to list the websites at start");
        await _sandbox.Control.ResetRequestsAsync();

        var flood = Enumerable.Range(0, 100).Select(i => (i % 2 == 0 ? a : b).Get<SubscribedWebsites>()
            .IsValidTokenAsync(Guid.NewGuid().ToString(), "0123456789abcdef0123456789abcdef"));
        Assert.All(await Task.WhenAll(flood), Assert.False);
        // And again, one by one, on each node.
        for (var i = 0; i < 20; i++)
            Assert.False(await (i % 2 == 0 ? a : b).Get<SubscribedWebsites>().IsValidTokenAsync(Guid.NewGuid().ToString(), "token"));

        var listing = (await _sandbox.Control.RequestsAsync()).Routes.Where(r => r.Route.Contains("plugin/connect/websites", StringComparison.Ordinal)).ToList();
        var refresh = Assert.Single(listing);
        Assert.Equal(1, refresh.Count);
        // The changes since the last listing, not the whole list.
        Assert.Contains("since", refresh.Route, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contact_one_node_just_created_is_found_by_the_other_nodes_recent_contacts_guard()
    {
        var (a, b) = await StartNodesAsync();
        a.Get<RecentContacts>().Remember(WebsiteId, new ContactIdentity(null, "+5511987654321"), "people-1");

        // The same person, their phone typed another way, on the other node: Crisp's search may not show the profile yet.
        Assert.Equal("people-1", b.Get<RecentContacts>().Find(WebsiteId, new ContactIdentity("ana@example.com", "+551187654321")));
        Assert.Null(b.Get<RecentContacts>().Find(_sandbox.Options.Websites[1].Id, new ContactIdentity(null, "+5511987654321")));
        // The database holds keyed hashes and the people id, never the phone.
        await using (var connection = new NpgsqlConnection(_database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT string_agg(name || '=' || value, ' ') FROM node_state WHERE name LIKE 'recent:%'", connection);
            var rows = (string)(await command.ExecuteScalarAsync())!;
            Assert.Contains("people-1", rows);
            Assert.DoesNotContain("987654321", rows);
        }

        // An agent deleted the profile: forgotten on every node.
        b.Get<RecentContacts>().Forget(WebsiteId, new ContactIdentity(null, "+5511987654321"));
        Assert.Null(a.Get<RecentContacts>().Find(WebsiteId, new ContactIdentity(null, "+5511987654321")));
    }

    [Fact]
    public async Task A_websites_name_costs_one_crisp_call_for_the_cluster()
    {
        var (a, b) = await StartNodesAsync();
        await _sandbox.Control.ResetRequestsAsync();
        var website = _sandbox.Options.Websites[2];

        var seenByA = (await a.Get<WebsiteNames>().GetAsync([website.Id], TimeSpan.FromSeconds(30)))[website.Id];
        var seenByB = (await b.Get<WebsiteNames>().GetAsync([website.Id], TimeSpan.FromSeconds(30)))[website.Id];

        Assert.Equal(website.Name, seenByA.Name);
        Assert.Equal(seenByA, seenByB);
        Assert.Equal(1, (await _sandbox.Control.RequestsAsync()).Count("GET", "/v1/website/{website_id}"));
    }

    [Fact]
    public async Task Each_node_counts_in_its_metrics_only_the_entries_it_recorded()
    {
        var (a, b) = await StartNodesAsync();
        await Eventually.TrueAsync(() => a.Get<ActivityFeed>().IsListening && b.Get<ActivityFeed>().IsListening, "both nodes' feeds to listen");
        using var metricsA = new MetricsRecorder(a.Get<System.Diagnostics.Metrics.IMeterFactory>());
        using var metricsB = new MetricsRecorder(b.Get<System.Diagnostics.Metrics.IMeterFactory>());
        var seenByA = new ActivityRecorder(a.Get<ActivityStream>());

        Assert.True(await a.Get<ActivityLog>().RecordAsync(new ActivityEntry { WebsiteId = "w", SessionId = "session_a", Outcome = ActivityOutcome.Created, PeopleId = "p1", Channel = "whatsapp" }));
        Assert.True(await b.Get<ActivityLog>().RecordAsync(new ActivityEntry { WebsiteId = "w", SessionId = "session_b1", Outcome = ActivityOutcome.Skipped, Channel = "whatsapp" }));
        Assert.True(await b.Get<ActivityLog>().RecordAsync(new ActivityEntry { WebsiteId = "w", SessionId = "session_b2", Outcome = ActivityOutcome.Skipped, Channel = "whatsapp" }));
        // A's live feed shows all three (cluster-wide)...
        await seenByA.OutcomeAsync("session_b2");
        Assert.Equal(3, seenByA.All.Count);

        // ...its counter only its own; summed over the nodes, each conversation once.
        static long Outcomes(MetricsRecorder metrics) => (long)metrics.Of("richcontact.outcomes").Sum(m => m.Value);
        Assert.Equal(1, Outcomes(metricsA));
        Assert.Equal(2, Outcomes(metricsB));
    }
}
