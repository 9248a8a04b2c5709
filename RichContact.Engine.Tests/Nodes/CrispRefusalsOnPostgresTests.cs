using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Nodes;
using RichContact.Engine.Settings;
using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Nodes;

/// <summary>
/// What Crisp refuses, learnt by one node, is every node's: two engine hosts on one real PostgreSQL
/// database and one sandbox (which refuses the subscription route to the plugin token). Crisp's contacts
/// limit one node learns stops creates on every node at once, its attempt is taken by one node only, and a
/// settings save on either node lets the next conversation try; a follow-up route refused on one node is
/// not asked again by the other.
/// </summary>
public sealed class CrispRefusalsOnPostgresTests : IAsyncLifetime
{
    private PostgresDatabase _database = null!;
    private CrispSandbox _sandbox = null!;
    private EngineNodes _nodes = null!;

    private string WebsiteId => _sandbox.Options.Websites[0].Id;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _sandbox = await CrispSandbox.StartAsync(new SandboxOptions { PeopleSubscription = PeopleSubscriptionReadings.Refused });
        _nodes = new EngineNodes(_database, _sandbox, nameof(CrispRefusalsOnPostgresTests));
    }

    public async Task DisposeAsync()
    {
        await _nodes.DisposeAsync();
        await _sandbox.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<(EngineHost Holder, EngineHost Standby)> StartNodesAsync()
    {
        // One after the other: the first applies the migrations and creates Hangfire's schema.
        var a = await _nodes.StartAsync("node-a");
        var b = await _nodes.StartAsync("node-b");
        return await EngineNodes.HolderAndStandbyAsync(a, b);
    }

    private Task<string> StartConversationAsync(string phone, string nickname) =>
        _sandbox.Control.StartConversationAsync(new StartConversationRequest { WebsiteId = WebsiteId, Origin = "whatsapp", Phone = phone, Nickname = nickname });

    [Fact]
    public async Task A_limit_one_node_learns_stops_every_node_and_its_attempt_is_taken_by_one_node_only()
    {
        var (holder, standby) = await StartNodesAsync();
        using var activity = new ActivityRecorder(holder.Get<ActivityStream>());
        await _sandbox.Control.SetPeopleLimitAsync(WebsiteId, PeopleLimitReadings.ContactsLimit);

        var refused = await activity.OutcomeAsync(await StartConversationAsync("+351 912 000 801", "Ana"));
        Assert.Equal((ActivityOutcome.Failed, ReasonCodes.ContactsLimit), (refused.Outcome, refused.Reason));

        // The standby node, which learnt nothing itself, sees the same limit: it would not create either.
        var limit = Assert.Single(await standby.Get<ContactsLimit>().AllAsync());
        Assert.Equal((WebsiteId, "crisp_403_contacts_limit"), (limit.WebsiteId, limit.Reason));
        Assert.True(limit.NextAttemptAt > DateTimeOffset.UtcNow.AddMinutes(59));

        // Due: of twenty runs on two nodes asking at once, one gets the attempt.
        var now = DateTimeOffset.UtcNow;
        await standby.Get<IWebsiteLimits>().SetNextAttemptAsync(WebsiteId, now.AddSeconds(-1), CancellationToken.None);
        var asks = Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? holder : standby).Get<IWebsiteLimits>()
            .TryTakeAttemptAsync(WebsiteId, now, now.AddHours(1), CancellationToken.None));
        Assert.Equal(1, (await Task.WhenAll(asks)).Count(taken => taken));

        // The plan is raised and the owner saves the settings on the standby node: the holder's next conversation creates.
        await _sandbox.Control.SetPeopleLimitAsync(WebsiteId, PeopleLimitReadings.None);
        await standby.Get<WebsiteSettingsStore>().SaveAsync(WebsiteSettings.DefaultsFor(WebsiteId));
        var created = await activity.OutcomeAsync(await StartConversationAsync("+351 912 000 802", "Bea"));
        Assert.Equal(ActivityOutcome.Created, created.Outcome);
        Assert.Empty(await holder.Get<ContactsLimit>().AllAsync());
        Assert.Empty(await standby.Get<ContactsLimit>().AllAsync());
    }

    [Fact]
    public async Task A_follow_up_route_refused_on_one_node_is_not_asked_again_by_the_other()
    {
        var (holder, standby) = await StartNodesAsync();
        using var activity = new ActivityRecorder(holder.Get<ActivityStream>());
        await _sandbox.Control.ResetRequestsAsync();

        var created = await activity.OutcomeAsync(await StartConversationAsync("+351 912 000 811", "Caio"));
        Assert.Equal((ActivityOutcome.Created, true), (created.Outcome, created.Placeholder));
        Assert.Equal(1, (await _sandbox.Control.RequestsAsync()).Count("PATCH", SubscriptionRoute));

        // The standby node follows up a contact of its own on that website: it knows the route is refused there.
        await standby.Get<NewContactFollowUps>().AfterCreateAsync(WebsiteId, created.PeopleId!, placeholder: true, "whatsapp",
            WebsiteSettings.DefaultsFor(WebsiteId), CancellationToken.None);
        Assert.Equal(1, (await _sandbox.Control.RequestsAsync()).Count("PATCH", SubscriptionRoute));
    }

    private const string SubscriptionRoute = "/v1/website/{website_id}/people/subscription/{people_id}";
}
