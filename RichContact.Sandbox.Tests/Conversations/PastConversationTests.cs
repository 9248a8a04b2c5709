using System.Globalization;
using RichContact.Sandbox.Events;

namespace RichContact.Sandbox.Tests.Conversations;

/// <summary>Conversations a workspace had before the plugin: dated in the past, listed by date, heard by nobody.</summary>
public sealed class PastConversationTests : SandboxTestBase
{
    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));

    [Fact]
    public async Task Past_conversation_keeps_its_date_its_meta_and_sends_no_event()
    {
        await using var client = await RtmTestClient.ConnectAsync(Sandbox, 4, CrispEvents.MessageSend, CrispEvents.SetPhone);
        var at = DateTimeOffset.UtcNow.AddDays(-3);
        var past = await Sandbox.Control.StartConversationAsync(new StartConversationRequest
        {
            WebsiteId = WebsiteId, Origin = "whatsapp", Phone = "+351 912 345 678", Nickname = "Ana", CreatedAt = at,
        });
        var now = await Sandbox.Control.StartConversationAsync(new StartConversationRequest { WebsiteId = WebsiteId, Origin = "whatsapp", Phone = "+351 912 000 000" });

        // Events arrive in order: the live conversation's come, the past one's never did.
        var heard = await client.NextAsync(CrispEvents.MessageSend);
        Assert.Equal(now, heard.GetProperty("session_id").GetString());
        while (client.TryRead(out var other))
            Assert.NotEqual(past, other.Data.GetProperty("session_id").GetString());

        var conversation = (await GetAsync($"website/{WebsiteId}/conversation/{past}")).Envelope["data"]!;
        Assert.Equal(at.ToUnixTimeMilliseconds(), conversation["created_at"]!.GetValue<long>());
        Assert.Equal(at.ToUnixTimeMilliseconds(), conversation["first_message_at"]!.GetValue<long>());
        Assert.Equal("+351 912 345 678", conversation["meta"]!["phone"]!.GetValue<string>());

        // The dated list finds it in its range only.
        var (_, inRange) = await GetAsync($"website/{WebsiteId}/conversations/1?filter_date_start={Iso(at.AddDays(-1))}&filter_date_end={Iso(at.AddDays(1))}");
        Assert.Equal([past], inRange["data"]!.AsArray().Select(c => c!["session_id"]!.GetValue<string>()));
        var (_, today) = await GetAsync($"website/{WebsiteId}/conversations/1?filter_date_start={Iso(DateTimeOffset.UtcNow.AddHours(-1))}");
        Assert.DoesNotContain(today["data"]!.AsArray(), c => c!["session_id"]!.GetValue<string>() == past);
    }

    [Fact]
    public async Task Conversation_dated_in_the_future_is_refused()
    {
        await Assert.ThrowsAsync<HttpRequestException>(() => Sandbox.Control.StartConversationAsync(new StartConversationRequest
        {
            WebsiteId = WebsiteId, Origin = "whatsapp", Phone = "+351912345678", CreatedAt = DateTimeOffset.UtcNow.AddDays(1),
        }));
    }

    [Fact]
    public async Task Prefill_adds_the_traffic_mix_spread_over_the_days_asked_for()
    {
        Assert.Equal(120, await Sandbox.Control.PrefillPastConversationsAsync(WebsiteId, 120, days: 10, seed: 7));

        var listed = new List<System.Text.Json.Nodes.JsonNode>();
        for (var page = 1; page <= 3; page++)
            listed.AddRange((await GetAsync($"website/{WebsiteId}/conversations/{page}?per_page=50")).Envelope["data"]!.AsArray()!);
        Assert.Equal(120, listed.Count);
        var created = listed.Select(c => DateTimeOffset.FromUnixTimeMilliseconds(c["created_at"]!.GetValue<long>())).ToList();
        Assert.All(created, at => Assert.InRange(at, DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddMinutes(-59)));
        var origins = listed.Select(c => c["meta"]!["origin"]!.GetValue<string>()).ToList();
        Assert.Contains("chat", origins);
        Assert.Contains("urn:crisp.im:whatsapp:0", origins);
        Assert.True(origins.Distinct().Count() >= 5, "a mix of channels");
    }

    [Fact]
    public async Task Websites_start_with_the_configured_past_conversations()
    {
        await using var sandbox = await CrispSandbox.StartAsync(new SandboxOptions { PastConversations = 25 });
        using var rest = new HttpClient { BaseAddress = sandbox.ApiUrl };
        rest.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(sandbox.Options.Identifier + ":" + sandbox.Options.Key)));
        rest.DefaultRequestHeaders.Add("X-Crisp-Tier", "plugin");

        foreach (var website in sandbox.Options.Websites)
        {
            var page = System.Text.Json.Nodes.JsonNode.Parse(await rest.GetStringAsync($"website/{website.Id}/conversations/1?per_page=50"))!;
            Assert.Equal(25, page["data"]!.AsArray().Count);
        }
    }
}
