using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp;
using RichContact.Engine.Crisp.Events;
using RichContact.Engine.Crisp.Rtm;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Crisp.Rtm;

/// <summary>
/// RTM outages under traffic: the listener reconnects and re-authenticates on its own, and every
/// conversation that started while it was deaf is caught up from the REST conversation list,
/// exactly once. <c>RICHCONTACT_SOAK=1</c> makes the outages as long as the (a minute).
/// </summary>
public class RtmOutageTests : EngineEndToEndTest
{
    private const string ListRoute = "/v1/website/{website_id}/conversations/{page}";

    internal static bool Soak => Environment.GetEnvironmentVariable("RICHCONTACT_SOAK") == "1";

    [Fact]
    public async Task Repeated_drops_under_traffic_lose_no_conversation_and_duplicate_none()
    {
        var rounds = Soak ? 10 : 3;
        var websites = Engine.Get<SubscribedWebsites>().All.Count;
        await Sandbox.Control.ResetRequestsAsync();
        var sessions = new List<string>();
        var notChannels = new List<string>();
        for (var round = 0; round < rounds; round++)
        {
            // One conversation the engine hears before the drop (the catch-up lists it again)...
            var heard = await StartConversationAsync("whatsapp", phone: $"+3519123450{round}1", nickname: $"Heard {round}");
            await WaitUntilTrackedAsync(heard);
            sessions.Add(heard);

            var reconnecting = WaitForStateAsync(Engine.Get<CrispConnectionStatus>(), CrispConnectionState.Reconnecting);
            await DropSocketsAsync(Sandbox, refuseReconnectSeconds: 1);
            await reconnecting;
            // ...and two it cannot hear: a messaging channel (needs a contact) and the chat box (does not).
            sessions.Add(await StartConversationAsync("telegram", phone: $"+3519123450{round}2", nickname: $"Missed {round}"));
            notChannels.Add(await StartConversationAsync("chat", email: $"chat{round}@example.com"));
            await WaitForConnectionAsync();
            // This round's catch-up done before the next drop: a drop that comes while one is still pending
            // merges the two gaps into one listing (less quota, and what a loaded machine saw: 6 list calls, not 9).
            await Eventually.TrueAsync(() => Engine.Get<OutageCatchUp>().HoldsMarkAt is null, $"the catch-up of round {round} to finish");
        }

        var outcomes = await Task.WhenAll(sessions.Select(s => Activity.OutcomeAsync(s)));
        Assert.All(outcomes, o => Assert.Equal(ActivityOutcome.Created, o.Outcome));
        Assert.All(sessions, s => Assert.Single(Activity.For(s)));
        Assert.Equal(sessions.Count, (await ProfilesAsync()).Count);
        Assert.All(notChannels, s => Assert.Empty(Activity.For(s)));
        // Quota: one list call per website per reconnect (each list fits one page here).
        Assert.Equal(rounds * websites, (await Sandbox.Control.RequestsAsync()).Count("GET", ListRoute));
    }

    [Fact]
    public async Task Rtm_refused_for_a_while_reconnects_rediscovers_the_endpoint_and_catches_up()
    {
        var refused = Soak ? 60 : 4;
        await Sandbox.Control.ResetRequestsAsync();
        var reconnecting = WaitForStateAsync(Engine.Get<CrispConnectionStatus>(), CrispConnectionState.Reconnecting);
        await DropSocketsAsync(Sandbox, refuseReconnectSeconds: refused);
        await reconnecting;

        var during = await StartConversationAsync("whatsapp", phone: "+351912345678", nickname: "Ana");
        await WaitForConnectionAsync(TimeSpan.FromSeconds(refused) + Timeout);

        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(during)).Outcome);
        Assert.Single(await ProfilesAsync());
        var requests = await Sandbox.Control.RequestsAsync();
        // After three failed connections in a row the endpoint is asked for again (it may have moved).
        Assert.True(requests.Count("GET", "/v1/plugin/connect/endpoints") >= 1, "the RTM endpoint was never rediscovered");
        var socket = Assert.Single(await Sandbox.Control.SocketsAsync());
        Assert.True(socket.Authenticated);
    }

    [Fact]
    public async Task Moved_rtm_endpoint_is_rediscovered_authenticated_at_its_new_address_and_the_missed_conversation_gets_one_contact()
    {
        var heard = await StartConversationAsync("whatsapp", phone: "+351912345611", nickname: "Heard");
        await WaitUntilTrackedAsync(heard);
        var old = Assert.Single(await Sandbox.Control.SocketsAsync()).Address;
        await Sandbox.Control.ResetRequestsAsync();

        var reconnecting = WaitForStateAsync(Engine.Get<CrispConnectionStatus>(), CrispConnectionState.Reconnecting);
        await MoveRtmAsync(Sandbox);
        await reconnecting;
        var during = await StartConversationAsync("telegram", phone: "+351912345612", nickname: "Missed");
        // No socket anywhere when it started: the engine could not hear it live.
        Assert.Empty(await Sandbox.Control.SocketsAsync());
        await WaitForConnectionAsync();

        var socket = Assert.Single(await Sandbox.Control.SocketsAsync());
        Assert.True(socket.Authenticated);
        Assert.Equal(Sandbox.RtmUrl.ToString(), socket.Address);
        Assert.NotEqual(old, socket.Address);
        Assert.Equal(CrispEventParser.Subscribed.Order(), socket.Events);
        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(during)).Outcome);
        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(heard)).Outcome);
        Assert.Single(Activity.For(during));
        Assert.Single(Activity.For(heard));
        Assert.Equal(2, (await ProfilesAsync()).Count);
        var requests = await Sandbox.Control.RequestsAsync();
        Assert.True(requests.Count("GET", "/v1/plugin/connect/endpoints") >= 1, "the RTM endpoint was never asked for again");
        Assert.Equal(Engine.Get<SubscribedWebsites>().All.Count, requests.Count("GET", ListRoute)); // one catch-up
    }

    [Fact]
    public async Task Website_that_installed_the_plugin_during_an_outage_is_known_after_the_reconnect_and_its_conversation_gets_a_contact()
    {
        var websites = Engine.Get<SubscribedWebsites>();
        var reconnecting = WaitForStateAsync(Engine.Get<CrispConnectionStatus>(), CrispConnectionState.Reconnecting);
        await DropSocketsAsync(Sandbox, refuseReconnectSeconds: 2);
        await reconnecting;
        // Its plugin:subscription:updated goes out while no socket is open.
        var installed = await Sandbox.Control.SubscribeWebsiteAsync(new SubscribeWebsiteRequest { Name = "Installed meanwhile" });
        var during = await StartConversationAsync("whatsapp", phone: "+351912345621", websiteId: installed.WebsiteId);
        await WaitForConnectionAsync();

        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(during)).Outcome);
        Assert.Single(await ProfilesAsync(installed.WebsiteId));
        Assert.True(await websites.IsValidTokenAsync(installed.WebsiteId, installed.Token), "its settings page refuses its token");
    }

    [Fact]
    public async Task Conversation_started_while_the_engine_was_stopped_gets_its_contact_after_start()
    {
        var before = await StartConversationAsync("whatsapp", phone: "+351912345601");
        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(before)).Outcome);
        await StopEngineAsync();
        await Sandbox.Control.ResetRequestsAsync();

        var during = await StartConversationAsync("whatsapp", phone: "+351912345602");
        await StartEngineAsync();

        // The previous process left its last event time in the data directory; the catch-up starts there.
        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(during)).Outcome);
        Assert.Single(Activity.For(during));
        Assert.Empty(Activity.For(before)); // listed again, but its outcome is already recorded
        Assert.Equal(2, (await ProfilesAsync()).Count);
        Assert.Equal(Engine.Get<SubscribedWebsites>().All.Count, (await Sandbox.Control.RequestsAsync()).Count("GET", ListRoute));
    }

    /// <summary>
    /// Cuts the engine's sockets. The sandbox may answer 500 after aborting the socket (see
    /// ResilienceTests.DropSocketsAsync); the drop is proven by the engine going Reconnecting.
    /// </summary>
    internal static async Task DropSocketsAsync(CrispSandbox sandbox, double? refuseReconnectSeconds = null)
    {
        try
        {
            await sandbox.Control.FaultsAsync(new SandboxFaults { DropSockets = true, RefuseRtmSeconds = refuseReconnectSeconds });
        }
        catch (HttpRequestException error) when (error.StatusCode == System.Net.HttpStatusCode.InternalServerError)
        {
        }
    }

    /// <summary>Moves the RTM endpoint, which drops the sockets (a 500 after the abort is tolerated as in <see cref="DropSocketsAsync"/>).</summary>
    internal static async Task MoveRtmAsync(CrispSandbox sandbox)
    {
        try
        {
            await sandbox.Control.FaultsAsync(new SandboxFaults { MoveRtm = true });
        }
        catch (HttpRequestException error) when (error.StatusCode == System.Net.HttpStatusCode.InternalServerError)
        {
        }
    }
}
