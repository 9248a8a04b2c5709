using System.Diagnostics;
using System.Net.WebSockets;
using RichContact.Sandbox.Events;

namespace RichContact.Sandbox.Tests;

public sealed class FaultTests : SandboxTestBase
{
    [Theory]
    [InlineData(429, "too_many_requests")]
    [InlineData(420, "quota_limit_exceeded")]
    [InlineData(500, "internal_error")]
    [InlineData(503, "service_unavailable")]
    public async Task The_next_rest_calls_answer_the_injected_status_then_recover(int status, string reason)
    {
        await Sandbox.Control.FaultsAsync(new SandboxFaults { RestStatus = status, RestCount = 2 });

        var first = await GetAsync("plugin/connect/account");
        var second = await GetAsync($"website/{WebsiteId}/people/profiles/1");
        var third = await GetAsync("plugin/connect/account");

        Assert.Equal(status, first.Status);
        Assert.Equal(reason, first.Envelope["reason"]!.GetValue<string>());
        Assert.True(first.Envelope["error"]!.GetValue<bool>());
        Assert.Equal(status, second.Status);
        Assert.Equal(200, third.Status);
    }

    [Fact]
    public async Task An_injected_429_can_carry_retry_after()
    {
        await Sandbox.Control.FaultsAsync(new SandboxFaults { RestStatus = 429, RestCount = 1, RetryAfterSeconds = 7 });

        using var response = await Rest.GetAsync("plugin/connect/account");

        Assert.Equal(429, (int)response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Injected_latency_delays_every_rest_call_until_removed()
    {
        await Sandbox.Control.FaultsAsync(new SandboxFaults { LatencyMs = 300 });
        var clock = Stopwatch.StartNew();
        await GetAsync("plugin/connect/account");
        // Task.Delay and Stopwatch tick on different clocks: a 300 ms delay can measure 299 ms.
        Assert.True(clock.ElapsedMilliseconds >= 290, $"took {clock.ElapsedMilliseconds} ms");

        await Sandbox.Control.FaultsAsync(new SandboxFaults { LatencyMs = 0 });
        clock.Restart();
        await GetAsync("plugin/connect/account");
        Assert.True(clock.ElapsedMilliseconds < 300, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Cleared_faults_stop_failing_rest_calls()
    {
        await Sandbox.Control.FaultsAsync(new SandboxFaults { RestStatus = 500, RestCount = 10, LatencyMs = 50 });
        await Sandbox.Control.ClearFaultsAsync();
        Assert.Equal(200, (await GetAsync("plugin/connect/account")).Status);
    }

    [Fact]
    public async Task Dropped_sockets_reconnect_reauthenticate_and_receive_again()
    {
        await using var client = await RtmTestClient.ConnectAsync(Sandbox, 4, CrispEvents.MessageSend);

        Assert.Equal(1, await Sandbox.Control.FaultsAsync(new SandboxFaults { DropSockets = true }));

        Assert.Equal("transport close", await client.Disconnected.Task.WaitAsync(Timeout));
        await client.WaitAuthenticatedAsync();
        Assert.Equal(2, client.Authentications);
        var sessionId = await Sandbox.Control.StartConversationAsync(new StartConversationRequest { WebsiteId = WebsiteId, Origin = "whatsapp" });
        Assert.Equal(sessionId, (await client.NextAsync(CrispEvents.MessageSend)).GetProperty("session_id").GetString());
    }

    [Fact]
    public async Task Rtm_connections_are_refused_for_the_given_time()
    {
        await Sandbox.Control.FaultsAsync(new SandboxFaults { RefuseRtmSeconds = 1 });
        var refusedAt = Stopwatch.StartNew();

        using (var refused = new ClientWebSocket())
        {
            var error = await Assert.ThrowsAsync<WebSocketException>(() =>
                refused.ConnectAsync(new Uri(Sandbox.RtmUrl, "?EIO=4&transport=websocket"), CancellationToken.None));
            Assert.Contains("503", error.Message);
        }

        // SocketIOClient keeps retrying through the refusal and gets in once it ends.
        await using var client = await RtmTestClient.ConnectAsync(Sandbox, 4, CrispEvents.MessageSend);
        Assert.True(refusedAt.Elapsed >= TimeSpan.FromSeconds(0.9), $"connected after {refusedAt.Elapsed}");
    }

    [Fact]
    public async Task Moved_rtm_endpoint_is_advertised_elsewhere_the_old_address_refuses_and_the_new_one_speaks_socket_io()
    {
        var old = Sandbox.RtmUrl;
        using var before = new ClientWebSocket();
        await before.ConnectAsync(new Uri(old, "?EIO=4&transport=websocket"), CancellationToken.None);
        Assert.StartsWith("0", await RawSocket.ReceiveAsync(before)); // Engine.IO open
        Assert.Equal(old.ToString(), Assert.Single(await Sandbox.Control.SocketsAsync()).Address);

        Assert.Equal(1, await Sandbox.Control.FaultsAsync(new SandboxFaults { MoveRtm = true }));

        var (_, envelope) = await GetAsync("plugin/connect/endpoints");
        var moved = new Uri(envelope["data"]!["socket"]!["app"]!.GetValue<string>());
        Assert.Equal((old.Host, "/p/2/"), (moved.Host, moved.AbsolutePath));
        Assert.NotEqual(old.Port, moved.Port);
        Assert.Equal(moved, Sandbox.RtmUrl);
        await Eventually(async () => (await Sandbox.Control.SocketsAsync()).Count == 0, "the old socket to be dropped");
        using (var refused = new ClientWebSocket())
        {
            var error = await Assert.ThrowsAsync<WebSocketException>(() =>
                refused.ConnectAsync(new Uri(old, "?EIO=4&transport=websocket"), CancellationToken.None));
            Assert.Contains("404", error.Message);
        }
        // The relay port is a socket host: no REST there.
        using (var http = new HttpClient())
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync($"http://{moved.Authority}/v1/plugin/connect/account")).StatusCode);

        await using var client = await RtmTestClient.ConnectAsync(Sandbox, 4, CrispEvents.MessageSend);
        Assert.Equal(moved.ToString(), Assert.Single(await Sandbox.Control.SocketsAsync()).Address);
        var sessionId = await Sandbox.Control.StartConversationAsync(new StartConversationRequest { WebsiteId = WebsiteId, Origin = "whatsapp" });
        Assert.Equal(sessionId, (await client.NextAsync(CrispEvents.MessageSend)).GetProperty("session_id").GetString());
    }

    [Fact]
    public async Task Second_move_brings_the_rtm_endpoint_back_to_the_sandboxs_own_port_on_a_new_path()
    {
        await Sandbox.Control.FaultsAsync(new SandboxFaults { MoveRtm = true });
        await Sandbox.Control.FaultsAsync(new SandboxFaults { MoveRtm = true });

        Assert.Equal(new Uri($"ws://127.0.0.1:{Sandbox.Url.Port}/p/3/"), Sandbox.RtmUrl);
        await using var client = await RtmTestClient.ConnectAsync(Sandbox, 3, CrispEvents.MessageSend);
        Assert.Equal(Sandbox.RtmUrl.ToString(), Assert.Single(await Sandbox.Control.SocketsAsync()).Address);
    }
}
