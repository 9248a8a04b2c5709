using System.Text.Json;
using RichContact.Engine.Activity;
using RichContact.Engine.Crisp.Events;
using RichContact.Engine.Crisp.Rtm;
using RichContact.Engine.Tests.EndToEnd;

namespace RichContact.Engine.Tests.Crisp.Rtm;

/// <summary>The listener's own duties: bad payloads, a silent socket, the subscribed events.</summary>
public class RtmListenerTests : EngineEndToEndTest
{
    [Fact]
    public async Task Socket_is_authenticated_for_the_events_the_engine_needs_on_every_website()
    {
        var socket = Assert.Single(await Sandbox.Control.SocketsAsync());

        Assert.True(socket.Authenticated);
        Assert.Equal(CrispEventParser.Subscribed.Order(), socket.Events);
        Assert.Equal(Sandbox.Options.Websites.Select(w => w.Id).Order(), socket.Websites);
        Assert.Equal(Sandbox.Options.Websites.Count, Engine.Get<SubscribedWebsites>().All.Count);
    }

    [Fact]
    public async Task Malformed_events_are_logged_without_their_values_and_do_not_stop_the_next_conversation()
    {
        var queue = Engine.Get<CrispEventQueue>();
        queue.Post(new RawCrispEvent("message:send", JsonDocument.Parse("[\"+351911111111\"]").RootElement));
        queue.Post(new RawCrispEvent("session:set_phone", JsonDocument.Parse("""{"website_id":"w","session_id":"s","phone":351922222222}""").RootElement));
        queue.Post(new RawCrispEvent("session:set_email", JsonDocument.Parse("""{"session_id":"s","email":"leak@example.com"}""").RootElement));
        queue.Post(new RawCrispEvent("message:send", default));

        var session = await StartConversationAsync("whatsapp", phone: "+351912345678");

        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(session)).Outcome);
        var warnings = Logs.Lines.Where(l => l.Contains("malformed RTM event")).ToList();
        Assert.Equal(4, warnings.Count);
        Assert.DoesNotContain(warnings, l => l.Contains("351911111111") || l.Contains("351922222222") || l.Contains("leak@"));
    }
}
