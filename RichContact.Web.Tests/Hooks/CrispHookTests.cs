using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RichContact.Engine.Activity;
using RichContact.Engine.Crisp;
using RichContact.Engine.Crisp.Hooks;
using RichContact.Engine.Storage;
using RichContact.Sandbox;
using RichContact.Sandbox.Hooks;
using RichContact.Testing;
using RichContact.Web.Tests.Browser;
using RichContact.Web.Tests.Security;

namespace RichContact.Web.Tests.Hooks;

/// <summary>
/// <c>RichContact:Crisp:Events = hooks</c>: the sandbox POSTs its events, signed, to the real app's
/// <c>/crisp/hooks</c> over loopback, and no RTM socket is opened.
/// </summary>
public class CrispHookTests : AppOverHttp
{
    protected override void Configure(RichContactApp app)
    {
        app.Settings["RichContact:Crisp:Events"] = "hooks";
        app.Settings["RichContact:Sandbox:HookUrl"] = new Uri(app.BaseUrl, "crisp/hooks").ToString();
        app.Settings["RichContact:Sandbox:HookRetryDelayMs"] = "100";
        app.Settings["RichContact:Sandbox:HookRedelivery"] = Redelivery;
    }

    /// <summary>How the sandbox sends a delivery again: Crisp documents its retries, not whether they are signed anew.</summary>
    protected virtual string Redelivery => HookRedeliveries.Same;

    [Fact]
    public async Task Deliveries_sent_again_because_their_answers_were_lost_make_one_contact()
    {
        var connection = App.Get<CrispConnectionStatus>();
        await Eventually.TrueAsync(() => connection.State == CrispConnectionState.Connected, "the engine to listen for Web Hooks");
        await App.Sandbox.Control.FaultsAsync(new SandboxFaults { LoseHookAnswers = 1000 });
        using var waiter = new ActivityRecorder(App.Get<ActivityStream>());
        var website = App.Sandbox.Options.Websites[0].Id;

        var session = await App.Sandbox.Control.StartConversationAsync(new StartConversationRequest
        {
            WebsiteId = website, Origin = "telegram", Phone = "+351 913 222 111", Nickname = "Rui Costa",
        });

        Assert.Equal(ActivityOutcome.Created, (await waiter.OutcomeAsync(session)).Outcome);
        // Every event of the conversation sent three times (the sandbox's attempt limit), then given up.
        await Eventually.TrueAsync(async () => (await App.Sandbox.Control.HooksAsync()) is { Pending: 0, Failed: > 0 }, "the sandbox to give up on every delivery");
        var events = (await App.Sandbox.Control.HooksAsync()).Failed;
        var receiver = App.Get<CrispHookReceiver>();
        Assert.Equal(Redelivery == HookRedeliveries.Same ? (events, 2 * events) : (3 * events, 0), (receiver.Accepted, receiver.Repeated));
        Assert.Single(await App.Sandbox.Control.ProfilesAsync(website));
        await using var db = await App.Get<IDbContextFactory<RichContactDb>>().CreateDbContextAsync();
        Assert.Single(await db.Activity.Where(e => e.SessionId == session).ToListAsync());
    }

    private static string Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private Task<HttpResponseMessage> PostHookAsync(string body, string timestamp, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/crisp/hooks") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Crisp-Request-Timestamp", timestamp);
        request.Headers.Add("X-Crisp-Signature", signature);
        return Http.SendAsync(request);
    }

    [Fact]
    public async Task Conversation_delivered_by_web_hooks_gets_its_contact_without_an_rtm_socket()
    {
        var connection = App.Get<CrispConnectionStatus>();
        await Eventually.TrueAsync(() => connection.State == CrispConnectionState.Connected, "the engine to listen for Web Hooks");
        using var waiter = new ActivityRecorder(App.Get<ActivityStream>());
        var website = App.Sandbox.Options.Websites[0].Id;

        var session = await App.Sandbox.Control.StartConversationAsync(new StartConversationRequest
        {
            WebsiteId = website, Origin = "whatsapp", Phone = "+351 912 345 678", Nickname = "Maria Souza",
        });

        var outcome = await waiter.OutcomeAsync(session);
        Assert.Equal(ActivityOutcome.Created, outcome.Outcome);
        Assert.Single(await App.Sandbox.Control.ProfilesAsync(website));
        Assert.Empty(await App.Sandbox.Control.SocketsAsync());
        Assert.Equal(CrispEventSource.Hooks, connection.Source);
    }

    [Fact]
    public async Task Wrong_signature_gets_401_and_a_log_line_without_the_body()
    {
        var body = """{"website_id":"8c1f4f4e-2d3a-4b5c-9e6f-7a8b9c0d1e2f","event":"session:set_phone","data":{"website_id":"8c1f4f4e-2d3a-4b5c-9e6f-7a8b9c0d1e2f","session_id":"session_forged","phone":"+351 934 567 890"},"timestamp":1}""";
        var timestamp = Now;

        var response = await PostHookAsync(body, timestamp, HookSignature.Sign("not the secret", timestamp, body));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(App.Logs.Lines, l => l.Contains("Refused a Web Hooks request"));
        Assert.DoesNotContain(App.Logs.Lines, l => l.Contains("934 567 890") || l.Contains("session_forged"));
    }

    [Fact]
    public async Task Stale_delivery_gets_401_and_a_repeated_one_200_without_being_handled_again()
    {
        var body = """{"website_id":"8c1f4f4e-2d3a-4b5c-9e6f-7a8b9c0d1e2f","event":"session:set_nickname","data":{"website_id":"8c1f4f4e-2d3a-4b5c-9e6f-7a8b9c0d1e2f","session_id":"session_replayed","nickname":"Ana"},"timestamp":1}""";
        var stale = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var fresh = Now;
        var signature = HookSignature.Sign(SandboxOptions.DefaultHookSecret, fresh, body);

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostHookAsync(body, stale, HookSignature.Sign(SandboxOptions.DefaultHookSecret, stale, body))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostHookAsync(body, fresh, signature)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostHookAsync(body, fresh, signature)).StatusCode);

        Assert.Single(App.Logs.Lines, l => l.Contains($"signed at {fresh} already taken"));
    }
}
