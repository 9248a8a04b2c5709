using RichContact.Engine.Activity;
using RichContact.Engine.Crisp;
using RichContact.Engine.Crisp.Rtm;
using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Engine.Tests.EndToEnd;

/// <summary>Crisp misbehaving: dropped sockets, rate limits, refused tokens.</summary>
public class ResilienceTests : EngineEndToEndTest
{
    [Fact]
    public async Task Rtm_drop_during_traffic_reconnects_reauthenticates_and_every_conversation_gets_one_contact()
    {
        var status = Engine.Get<CrispConnectionStatus>();
        var before = await StartConversationAsync("whatsapp", phone: "+351912345601", metaOrder: MetaOrders.After, spacingMs: 100);
        await WaitUntilTrackedAsync(before);

        var reconnecting = WaitForStateAsync(status, CrispConnectionState.Reconnecting);
        await DropSocketsAsync();
        await reconnecting;
        await WaitForConnectionAsync();
        var after = await StartConversationAsync("whatsapp", phone: "+351912345602");

        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(before)).Outcome);
        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(after)).Outcome);
        Assert.Equal(2, (await ProfilesAsync()).Count);
        var socket = Assert.Single(await Sandbox.Control.SocketsAsync());
        Assert.True(socket.Authenticated);
        Assert.Contains("message:send", socket.Events);
    }

    [Fact]
    public async Task Conversation_whose_only_message_came_while_rtm_was_down_gets_its_contact_after_reconnect()
    {
        var status = Engine.Get<CrispConnectionStatus>();
        var reconnecting = WaitForStateAsync(status, CrispConnectionState.Reconnecting);
        await DropSocketsAsync(refuseReconnectSeconds: 2);
        await reconnecting;

        var during = await StartConversationAsync("whatsapp", phone: "+351912345678", nickname: "Ana");
        await WaitForConnectionAsync();

        var outcome = await Activity.OutcomeAsync(during);
        Assert.Equal(ActivityOutcome.Created, outcome.Outcome);
        Assert.Equal("Ana", Nickname(Assert.Single(await ProfilesAsync())));
        Assert.Single(Activity.For(during));
    }

    [Fact]
    public async Task Website_removing_the_plugin_is_forgotten_without_polling()
    {
        var websites = Engine.Get<SubscribedWebsites>();
        var websiteId = Sandbox.Options.Websites[1].Id;
        var removed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        websites.Changed += () => { if (!websites.Contains(websiteId)) removed.TrySetResult(); };
        await Sandbox.Control.ResetRequestsAsync();

        await Sandbox.Control.UnsubscribeWebsiteAsync(websiteId);

        await removed.Task.WaitAsync(Timeout);
        Assert.Equal(0, (await Sandbox.Control.RequestsAsync()).Total);
    }

    [Fact]
    public async Task Burst_of_429_is_waited_out_and_the_contact_is_still_created()
    {
        await Sandbox.Control.FaultsAsync(new SandboxFaults { RestStatus = 429, RestCount = 3, RetryAfterSeconds = 1 });

        var session = await StartConversationAsync("whatsapp", phone: "+351912345678");

        var outcome = await Activity.OutcomeAsync(session);
        Assert.Equal(ActivityOutcome.Created, outcome.Outcome);
        Assert.Equal(6, outcome.RestCalls); // three refused, then the search, the create and the placeholder's unsubscribe
        Assert.Single(await ProfilesAsync());
    }

    [Fact]
    public async Task Website_installing_the_plugin_is_bound_and_its_conversations_get_contacts()
    {
        var websites = Engine.Get<SubscribedWebsites>();
        var website = await Sandbox.Control.SubscribeWebsiteAsync(new SubscribeWebsiteRequest { Name = "New shop" });

        // plugin:subscription:updated makes the engine reload the list and emit socket:bind.
        await WaitForBindAsync(website.WebsiteId);
        Assert.True(websites.Contains(website.WebsiteId));
        Assert.True(await websites.IsValidTokenAsync(website.WebsiteId, website.Token));

        var session = await StartConversationAsync("whatsapp", phone: "+351912345678", websiteId: website.WebsiteId);

        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(session)).Outcome);
        Assert.Single(await ProfilesAsync(website.WebsiteId));
    }

    private async Task DropSocketsAsync(double? refuseReconnectSeconds = null) =>
        Assert.Equal(1, await Sandbox.Control.FaultsAsync(new SandboxFaults { DropSockets = true, RefuseRtmSeconds = refuseReconnectSeconds }));

    private Task WaitForBindAsync(string websiteId) =>
        Eventually.TrueAsync(async () => (await Sandbox.Control.SocketsAsync()).Any(s => s.Websites.Contains(websiteId)), "the socket to bind the new website");

}
