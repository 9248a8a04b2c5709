using System.Text.Json;
using RichContact.Sandbox.Events;

namespace RichContact.Sandbox.Tests.Rtm;

public sealed class RtmTests : SandboxTestBase
{
    private static readonly string[] ConversationEvents =
        [CrispEvents.MessageSend, CrispEvents.SetNickname, CrispEvents.SetPhone, CrispEvents.SetEmail, CrispEvents.SetOrigin];

    private Task<string> StartWhatsAppAsync(string websiteId, string? metaOrder = null, int spacingMs = 0) =>
        Sandbox.Control.StartConversationAsync(new StartConversationRequest
        {
            WebsiteId = websiteId,
            Origin = "whatsapp",
            Phone = "+351 912 345 678",
            Nickname = "Ana Silva",
            Email = "ana@example.com",
            Country = "PT",
            City = "Lisbon",
            Message = "Olá!",
            MetaOrder = metaOrder,
            MetaSpacingMs = spacingMs,
        });

    [Theory]
    [InlineData(4)]
    [InlineData(3)]
    public async Task SocketIOClient_authenticates_and_receives_the_first_message_of_a_channel_conversation(int eio)
    {
        await using var client = await RtmTestClient.ConnectAsync(Sandbox, eio, CrispEvents.MessageSend);

        var sessionId = await StartWhatsAppAsync(WebsiteId);

        var message = await client.NextAsync(CrispEvents.MessageSend);
        Assert.Equal(WebsiteId, message.GetProperty("website_id").GetString());
        Assert.Equal(sessionId, message.GetProperty("session_id").GetString());
        Assert.Equal("text", message.GetProperty("type").GetString());
        Assert.Equal("user", message.GetProperty("from").GetString());
        Assert.Equal("urn:crisp.im:whatsapp:0", message.GetProperty("origin").GetString());
        Assert.Equal("Olá!", message.GetProperty("content").GetString());
        Assert.True(message.GetProperty("fingerprint").GetInt64() > 0);
        Assert.True(message.GetProperty("timestamp").GetInt64() > 0);
        Assert.Equal("Ana Silva", message.GetProperty("user").GetProperty("nickname").GetString());
    }

    [Fact]
    public async Task Engine_io_v4_server_pings_and_the_client_answers()
    {
        await using var sandbox = await CrispSandbox.StartAsync(new SandboxOptions { PingIntervalMs = 200, PingTimeoutMs = 1000 });
        await using var client = await RtmTestClient.ConnectAsync(sandbox, 4, CrispEvents.MessageSend);

        // Three pings 200 ms apart on one socket: each pong was accepted, or the server would have dropped it.
        await client.Pinged.Task.WaitAsync(Timeout);
        Assert.False(client.Disconnected.Task.IsCompleted);
        Assert.Single(await sandbox.Control.SocketsAsync());
    }

    [Fact]
    public async Task Engine_io_v3_client_pings_and_the_server_answers_pong()
    {
        await using var sandbox = await CrispSandbox.StartAsync(new SandboxOptions { PingIntervalMs = 200, PingTimeoutMs = 1000 });
        await using var client = await RtmTestClient.ConnectAsync(sandbox, 3, CrispEvents.MessageSend);

        await client.Ponged.Task.WaitAsync(Timeout);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(3)]
    public async Task Wrong_credentials_get_unauthorized_and_the_server_disconnects(int eio)
    {
        await using var client = await RtmTestClient.ConnectOnlyAsync(Sandbox, eio,
            RtmTestClient.Credentials(Sandbox, [CrispEvents.MessageSend], password: "wrong"), authenticateOnConnect: true);

        var message = await client.Unauthorized.Task.WaitAsync(Timeout);
        var reason = await client.Disconnected.Task.WaitAsync(Timeout);

        Assert.False(string.IsNullOrEmpty(message));
        Assert.Equal("io server disconnect", reason);
        await Eventually(async () => (await Sandbox.Control.SocketsAsync()).Count == 0, "the socket to be closed");
    }

    [Fact]
    public async Task Nothing_is_delivered_before_authentication()
    {
        await using var client = await RtmTestClient.ConnectOnlyAsync(Sandbox, 4,
            RtmTestClient.Credentials(Sandbox, [CrispEvents.MessageSend]), authenticateOnConnect: false);
        await Eventually(async () => (await Sandbox.Control.SocketsAsync()).Count == 1, "the socket to open");

        var before = await StartWhatsAppAsync(WebsiteId);
        await client.AuthenticateAsync();
        await client.WaitAuthenticatedAsync();
        var after = await StartWhatsAppAsync(WebsiteId);

        var first = await client.NextAsync(CrispEvents.MessageSend);
        Assert.Equal(after, first.GetProperty("session_id").GetString());
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task Only_the_listed_events_are_delivered()
    {
        await using var client = await RtmTestClient.ConnectAsync(Sandbox, 4, CrispEvents.SetPhone, CrispEvents.SetOrigin);

        await StartWhatsAppAsync(WebsiteId);

        var received = await client.TakeAsync(2);
        Assert.Equal([CrispEvents.SetPhone, CrispEvents.SetOrigin], received.Select(e => e.Name));
        // A marker conversation proves nothing else was queued in between.
        var marker = await StartWhatsAppAsync(WebsiteId);
        var next = await client.NextAsync();
        Assert.Equal(CrispEvents.SetPhone, next.Name);
        Assert.Equal(marker, next.Data.GetProperty("session_id").GetString());
    }

    [Fact]
    public async Task Rooms_limit_delivery_to_the_listed_websites()
    {
        var other = Sandbox.Options.Websites[1].Id;
        await using var client = await RtmTestClient.ConnectOnlyAsync(Sandbox, 4,
            RtmTestClient.Credentials(Sandbox, [CrispEvents.MessageSend], rooms: [other]), authenticateOnConnect: true);
        await client.WaitAuthenticatedAsync();

        await StartWhatsAppAsync(WebsiteId);
        var wanted = await StartWhatsAppAsync(other);

        var first = await client.NextAsync(CrispEvents.MessageSend);
        Assert.Equal(wanted, first.GetProperty("session_id").GetString());
    }

    [Theory]
    [InlineData(MetaOrders.Before, new[] { CrispEvents.SetNickname, CrispEvents.SetPhone, CrispEvents.SetEmail, CrispEvents.SetOrigin, CrispEvents.MessageSend })]
    [InlineData(MetaOrders.After, new[] { CrispEvents.MessageSend, CrispEvents.SetNickname, CrispEvents.SetPhone, CrispEvents.SetEmail, CrispEvents.SetOrigin })]
    [InlineData(MetaOrders.Interleaved, new[] { CrispEvents.SetNickname, CrispEvents.MessageSend, CrispEvents.SetPhone, CrispEvents.SetEmail, CrispEvents.SetOrigin })]
    public async Task A_channel_conversation_produces_its_meta_events_in_the_order_asked(string order, string[] expected)
    {
        await using var client = await RtmTestClient.ConnectAsync(Sandbox, 4, ConversationEvents);

        var sessionId = await StartWhatsAppAsync(WebsiteId, order, spacingMs: 5);

        var received = await client.TakeAsync(expected.Length);
        Assert.Equal(expected, received.Select(e => e.Name));
        Assert.All(received, e => Assert.Equal(sessionId, e.Data.GetProperty("session_id").GetString()));
        Assert.Equal("+351 912 345 678", received.Single(e => e.Name == CrispEvents.SetPhone).Data.GetProperty("phone").GetString());
        Assert.Equal("ana@example.com", received.Single(e => e.Name == CrispEvents.SetEmail).Data.GetProperty("email").GetString());
        Assert.Equal("Ana Silva", received.Single(e => e.Name == CrispEvents.SetNickname).Data.GetProperty("nickname").GetString());
        Assert.Equal("urn:crisp.im:whatsapp:0", received.Single(e => e.Name == CrispEvents.SetOrigin).Data.GetProperty("origin").GetString());
    }

    [Theory]
    [InlineData("chat", "chat")]
    [InlineData("email", "email")]
    [InlineData("instagram", "urn:crisp.im:instagram:0")]
    [InlineData("urn:acme:aircall:1", "urn:acme:aircall:1")]
    public async Task Conversations_carry_crisp_origins(string given, string origin)
    {
        await using var client = await RtmTestClient.ConnectAsync(Sandbox, 4, CrispEvents.MessageSend);

        await Sandbox.Control.StartConversationAsync(new StartConversationRequest { WebsiteId = WebsiteId, Origin = given, Message = "Hi" });

        var message = await client.NextAsync(CrispEvents.MessageSend);
        Assert.Equal(origin, message.GetProperty("origin").GetString());
    }

    [Fact]
    public async Task A_follow_up_message_is_delivered_with_the_conversations_origin()
    {
        await using var client = await RtmTestClient.ConnectAsync(Sandbox, 4, CrispEvents.MessageSend);
        var sessionId = await StartWhatsAppAsync(WebsiteId);
        await client.NextAsync(CrispEvents.MessageSend);

        var sent = await Sandbox.Control.SendMessageAsync(sessionId, "Are you there?");

        var message = await client.NextAsync(CrispEvents.MessageSend);
        Assert.Equal("Are you there?", message.GetProperty("content").GetString());
        Assert.Equal(sent.Fingerprint, message.GetProperty("fingerprint").GetInt64());
        Assert.Equal("urn:crisp.im:whatsapp:0", message.GetProperty("origin").GetString());
    }

    [Fact]
    public async Task A_new_website_is_announced_but_its_events_wait_for_socket_bind()
    {
        await using var sandbox = await CrispSandbox.StartAsync(new SandboxOptions { SocketBindIntervalMs = 0 });
        await using var client = await RtmTestClient.ConnectAsync(sandbox, 4, CrispEvents.MessageSend, CrispEvents.SubscriptionUpdated);

        var website = await sandbox.Control.SubscribeWebsiteAsync();
        var announced = await client.NextAsync(CrispEvents.SubscriptionUpdated);
        Assert.Equal(website.WebsiteId, announced.GetProperty("website_id").GetString());
        Assert.True(announced.GetProperty("bound").GetBoolean());
        Assert.Equal(sandbox.Options.PluginId, announced.GetProperty("plugin_id").GetString());

        await sandbox.Control.StartConversationAsync(new StartConversationRequest { WebsiteId = website.WebsiteId, Origin = "whatsapp" });
        var marker = await sandbox.Control.StartConversationAsync(new StartConversationRequest { WebsiteId = sandbox.Options.Websites[0].Id, Origin = "whatsapp" });
        Assert.Equal(marker, (await client.NextAsync(CrispEvents.MessageSend)).GetProperty("session_id").GetString());

        await client.Socket.EmitAsync("socket:bind");
        await Eventually(async () => (await sandbox.Control.SocketsAsync()).Single().BindAttempts == 1, "the bind to be processed");
        Assert.Contains(website.WebsiteId, (await sandbox.Control.SocketsAsync()).Single().Websites);

        var sessionId = await sandbox.Control.StartConversationAsync(new StartConversationRequest { WebsiteId = website.WebsiteId, Origin = "whatsapp" });
        Assert.Equal(sessionId, (await client.NextAsync(CrispEvents.MessageSend)).GetProperty("session_id").GetString());
    }

    [Fact]
    public async Task Socket_bind_sooner_than_two_and_a_half_seconds_after_the_last_bind_is_refused()
    {
        await using var client = await RtmTestClient.ConnectAsync(Sandbox, 4, CrispEvents.MessageSend);
        var website = await Sandbox.Control.SubscribeWebsiteAsync();

        await client.Socket.EmitAsync("socket:bind");
        await Eventually(async () => (await Sandbox.Control.SocketsAsync()).Single().BindAttempts == 1, "the bind to be processed");

        Assert.DoesNotContain(website.WebsiteId, (await Sandbox.Control.SocketsAsync()).Single().Websites);
    }

    [Fact]
    public async Task People_profile_creation_is_pushed_to_subscribers_with_its_creation_time()
    {
        await using var client = await RtmTestClient.ConnectAsync(Sandbox, 4, CrispEvents.ProfileCreated);

        var peopleId = await Sandbox.Control.SeedProfileAsync(WebsiteId, new System.Text.Json.Nodes.JsonObject { ["email"] = "ana@example.com" });

        var created = await client.NextAsync(CrispEvents.ProfileCreated);
        Assert.Equal(peopleId, created.GetProperty("people_id").GetString());
        Assert.Equal("ana@example.com", created.GetProperty("email").GetString());
        Assert.True(created.GetProperty("created_at").GetInt64() > 0);
    }

    [Fact]
    public async Task Saving_settings_over_rest_emits_plugin_settings_saved()
    {
        await using var client = await RtmTestClient.ConnectAsync(Sandbox, 4, CrispEvents.SettingsSaved);

        await SendAsync(HttpMethod.Patch, $"plugins/subscription/{WebsiteId}/{SandboxOptions.DefaultPluginId}/settings",
            new System.Text.Json.Nodes.JsonObject { ["enabled"] = false });

        var saved = await client.NextAsync(CrispEvents.SettingsSaved);
        Assert.Equal(WebsiteId, saved.GetProperty("website_id").GetString());
        Assert.False(saved.GetProperty("settings").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Unknown_namespace_and_polling_transport_are_refused()
    {
        using var http = new HttpClient();
        using var polling = await http.GetAsync(new Uri(Sandbox.Url, "p/1/?EIO=4&transport=polling"));
        Assert.Equal(400, (int)polling.StatusCode);
        using var error = JsonDocument.Parse(await polling.Content.ReadAsStringAsync());
        Assert.Equal(0, error.RootElement.GetProperty("code").GetInt32());

        using var socket = new System.Net.WebSockets.ClientWebSocket();
        await socket.ConnectAsync(new Uri(Sandbox.RtmUrl, "?EIO=4&transport=websocket"), CancellationToken.None);
        Assert.StartsWith("0{", await RawSocket.ReceiveAsync(socket));
        await RawSocket.SendAsync(socket, "40/admin,");
        Assert.StartsWith("44/admin,", await RawSocket.ReceiveAsync(socket));
        await RawSocket.SendAsync(socket, "40");
        var connected = await RawSocket.ReceiveAsync(socket);
        Assert.StartsWith("40{\"sid\":", connected);
    }

    [Fact]
    public async Task Removing_a_conversation_emits_session_removed_and_it_is_gone_over_rest()
    {
        await using var client = await RtmTestClient.ConnectAsync(Sandbox, 4, CrispEvents.SessionRemoved);
        var sessionId = await StartWhatsAppAsync(WebsiteId);

        await Sandbox.Control.RemoveConversationAsync(sessionId);

        var removed = await client.NextAsync(CrispEvents.SessionRemoved);
        Assert.Equal(sessionId, removed.GetProperty("session_id").GetString());
        Assert.Equal(404, (await GetAsync($"website/{WebsiteId}/conversation/{sessionId}")).Status);
    }
}
