using System.Net;
using RichContact.Web.Tests.Browser;

namespace RichContact.Web.Tests.Security;

/// <summary>
/// Who may say where a request comes from. The app trusts the proxy 127.0.0.2 alone; 127.0.0.1 and
/// 127.0.0.3 stand for machines that reach the app directly (every 127.x address is loopback on Linux).
/// </summary>
public sealed class TrustedProxiesTests : AppOverHttp
{
    private const string Proxy = "127.0.0.2";
    private const string Direct = "127.0.0.3";

    protected override void Configure(RichContactApp app)
    {
        app.Settings["RichContact:Web:TrustedProxies"] = Proxy;
        app.Settings["RichContact:Metrics:Enabled"] = "true";
        app.Settings["RichContact:Metrics:AllowedNetworks"] = "127.0.0.1";
    }

    [Fact]
    public async Task A_rotating_forwarded_address_from_an_untrusted_sender_is_still_throttled_after_5_wrong_passwords()
    {
        for (var guess = 1; guess <= 5; guess++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostLoginAsync($"guess {guess}", forwardedFor: $"203.0.{guess}.7")).StatusCode);

        var right = await PostLoginAsync(RichContactApp.AdminPassword, forwardedFor: "198.51.100.9");

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Null(SessionCookie(right));
        // Said once for the sender, however many requests it sent with the header.
        Assert.Single(App.Logs.Lines, l => l.Contains("Ignored X-Forwarded-For") && l.Contains("127.0.0.1"));
    }

    [Fact]
    public async Task A_trusted_proxys_forwarded_address_is_the_client()
    {
        using var proxy = ClientFrom(Proxy);
        for (var guess = 1; guess <= 5; guess++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostLoginAsync($"guess {guess}", proxy, forwardedFor: "203.0.113.7")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostLoginAsync(RichContactApp.AdminPassword, proxy, forwardedFor: "203.0.113.7")).StatusCode);

        // Another client behind the same proxy: its own address, its own free attempts.
        var owner = await PostLoginAsync(RichContactApp.AdminPassword, proxy, forwardedFor: "198.51.100.9");

        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
        Assert.NotNull(SessionCookie(owner));
        Assert.DoesNotContain(App.Logs.Lines, l => l.Contains("Ignored X-Forwarded-For"));
    }

    [Fact]
    public async Task Metrics_answer_403_to_an_untrusted_sender_claiming_to_be_an_allowed_address()
    {
        using var direct = ClientFrom(Direct);
        var forged = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        forged.Headers.Add("X-Forwarded-For", "127.0.0.1");

        var refused = await direct.SendAsync(forged);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("richcontact_", await refused.Content.ReadAsStringAsync());

        // The same claim through the trusted proxy is believed; a stranger behind it is not let in.
        using var proxy = ClientFrom(Proxy);
        Assert.Equal(HttpStatusCode.OK, (await proxy.SendAsync(Forwarded("127.0.0.1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await proxy.SendAsync(Forwarded("203.0.113.5"))).StatusCode);
    }

    private static HttpRequestMessage Forwarded(string client)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", client);
        return request;
    }
}
