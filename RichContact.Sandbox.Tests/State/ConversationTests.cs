using System.Globalization;
using System.Text.Json.Nodes;

namespace RichContact.Sandbox.Tests.State;

public sealed class ConversationTests : SandboxTestBase
{
    private Task<string> StartAsync(string origin = "whatsapp", string? metaOrder = null, int spacingMs = 0) =>
        Sandbox.Control.StartConversationAsync(new StartConversationRequest
        {
            WebsiteId = WebsiteId,
            Origin = origin,
            Phone = "+55 11 98765-4321",
            Nickname = "Maria Souza",
            Email = "maria@example.com",
            Country = "BR",
            City = "São Paulo",
            Message = "Oi",
            MetaOrder = metaOrder,
            MetaSpacingMs = spacingMs,
        });

    [Fact]
    public async Task Meta_reflects_everything_given_even_before_the_events_are_out()
    {
        // Spaced far apart: the events are still trickling out, REST already knows everything.
        var sessionId = await StartAsync(metaOrder: MetaOrders.After, spacingMs: 5_000);

        var (status, envelope) = await GetAsync($"website/{WebsiteId}/conversation/{sessionId}/meta");

        Assert.Equal(200, status);
        var meta = envelope["data"]!;
        Assert.Equal("Maria Souza", meta["nickname"]!.GetValue<string>());
        Assert.Equal("+55 11 98765-4321", meta["phone"]!.GetValue<string>());
        Assert.Equal("maria@example.com", meta["email"]!.GetValue<string>());
        Assert.Equal("urn:crisp.im:whatsapp:0", meta["origin"]!.GetValue<string>());
        Assert.Equal("BR", meta["device"]!["geolocation"]!["country"]!.GetValue<string>());
        Assert.Equal("São Paulo", meta["device"]!["geolocation"]!["city"]!.GetValue<string>());
    }

    [Fact]
    public async Task Conversation_has_its_meta_creation_time_and_first_message_time()
    {
        var sessionId = await StartAsync();

        var (status, envelope) = await GetAsync($"website/{WebsiteId}/conversation/{sessionId}");

        Assert.Equal(200, status);
        var conversation = envelope["data"]!;
        Assert.Equal(sessionId, conversation["session_id"]!.GetValue<string>());
        Assert.Equal(WebsiteId, conversation["website_id"]!.GetValue<string>());
        Assert.True(conversation["created_at"]!.GetValue<long>() > 0);
        Assert.True(conversation["first_message_at"]!.GetValue<long>() >= conversation["created_at"]!.GetValue<long>());
        Assert.Equal("Oi", conversation["last_message"]!.GetValue<string>());
        Assert.Equal("maria@example.com", conversation["meta"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_session_is_not_found()
    {
        Assert.Equal(404, (await GetAsync($"website/{WebsiteId}/conversation/session_nope")).Status);
        Assert.Equal(404, (await GetAsync($"website/{WebsiteId}/conversation/session_nope/meta")).Status);
    }

    [Fact]
    public async Task Patching_meta_merges_into_it()
    {
        var sessionId = await StartAsync();

        var (status, _) = await SendAsync(HttpMethod.Patch, $"website/{WebsiteId}/conversation/{sessionId}/meta",
            new JsonObject { ["segments"] = new JsonArray("contact-created"), ["device"] = new JsonObject { ["geolocation"] = new JsonObject { ["region"] = "SP" } } });
        var (_, envelope) = await GetAsync($"website/{WebsiteId}/conversation/{sessionId}/meta");

        Assert.Equal(200, status);
        Assert.Equal("contact-created", envelope["data"]!["segments"]![0]!.GetValue<string>());
        Assert.Equal("SP", envelope["data"]!["device"]!["geolocation"]!["region"]!.GetValue<string>());
        Assert.Equal("BR", envelope["data"]!["device"]!["geolocation"]!["country"]!.GetValue<string>());
    }

    [Fact]
    public async Task Conversations_are_listed_within_the_date_filter()
    {
        var first = await StartAsync();
        var second = await StartAsync("chat");
        var now = DateTimeOffset.UtcNow;

        static string Iso(DateTimeOffset date) => Uri.EscapeDataString(date.ToString("O", CultureInfo.InvariantCulture));
        var (_, all) = await GetAsync($"website/{WebsiteId}/conversations/1?filter_date_start={Iso(now.AddMinutes(-1))}&filter_date_end={Iso(now.AddMinutes(1))}");
        var (_, future) = await GetAsync($"website/{WebsiteId}/conversations/1?filter_date_start={Iso(now.AddMinutes(1))}");
        var (_, page2) = await GetAsync($"website/{WebsiteId}/conversations/2");

        Assert.Equal(new[] { first, second }.Order(), all["data"]!.AsArray().Select(c => c!["session_id"]!.GetValue<string>()).Order());
        Assert.Empty(future["data"]!.AsArray());
        Assert.Empty(page2["data"]!.AsArray());
    }

    [Fact]
    public async Task A_date_filter_that_is_not_a_date_is_invalid_data()
    {
        AssertCrispError(await GetAsync($"website/{WebsiteId}/conversations/1?filter_date_start=yesterday-ish"), 400, "invalid_data");
    }

    [Fact]
    public async Task Starting_a_conversation_on_an_unknown_website_is_refused()
    {
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            Sandbox.Control.StartConversationAsync(new StartConversationRequest { WebsiteId = "nope", Origin = "whatsapp" }));
    }

    [Fact]
    public async Task A_follow_up_message_on_an_unknown_session_is_refused()
    {
        await Assert.ThrowsAsync<HttpRequestException>(() => Sandbox.Control.SendMessageAsync("session_nope", "hi"));
    }
}
