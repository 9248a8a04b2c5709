using System.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp;
using RichContact.Engine.Crisp.Events;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Crisp.Rtm;
using RichContact.Engine.Storage;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Reliability;

/// <summary>What the outage catch-up asks Crisp for: the window it lists and how many calls it spends.</summary>
public class CatchUpBoundTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private StubHttpServer _stub = null!;
    private ServiceProvider _services = null!;
    private readonly CrispEventQueue _queue = new(NullLogger<CrispEventQueue>.Instance);
    private readonly TempDataDirectory _data = new();

    public async Task InitializeAsync() => _stub = await StubHttpServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        await _stub.DisposeAsync();
        _data.Dispose();
    }

    private OutageCatchUp CatchUp(double maxGapMinutes, params string[] websiteIds)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RichContact:Crisp:Identifier"] = "plugin-id",
            ["RichContact:Crisp:Key"] = "plugin-key",
            ["RichContact:Crisp:ApiUrl"] = _stub.Url,
            ["RichContact:CatchUp:MaxGapMinutes"] = maxGapMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddOptions<CatchUpOptions>().Bind(configuration.GetSection(CatchUpOptions.Section));
        services.AddSingleton(new DataDirectory(_data.Path)); // the budget's file
        services.AddCrisp(configuration);
        _services = services.BuildServiceProvider();
        var websites = new SubscribedWebsites(TimeProvider.System, new CrispConnectionStatus());
        websites.ReplaceAll(websiteIds.Select(id => new SubscribedWebsite(id, "token")));
        var clock = new ManualClock(Now);
        var connection = new CrispConnectionStatus();
        connection.Set(CrispConnectionState.Connected);
        return new OutageCatchUp(_services.GetRequiredService<CrispClient>(), websites, _queue, _services.GetRequiredService<IOptions<CatchUpOptions>>(),
            _services.GetRequiredService<CrispRequestBudget>(), connection, Status,
            clock, NullLogger<OutageCatchUp>.Instance);
    }

    private CatchUpStatus Status { get; } = new();

    /// <summary>Catches up from <paramref name="lastEventAt"/> until now, once (the website list counts as loaded).</summary>
    private static async Task RunAsync(OutageCatchUp catchUp, DateTimeOffset lastEventAt)
    {
        await catchUp.RunPendingAsync(CancellationToken.None); // the first run loads the website list (no loader here: nothing)
        catchUp.Request(lastEventAt);
        await catchUp.RunPendingAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Catch_up_lists_from_the_last_event_seen_minus_the_margin_until_now_with_one_call_per_website()
    {
        _stub.Answers.Enqueue(StubHttpServer.Json(200, """{"error":false,"reason":"resolved","data":[]}""")); // websites/since
        _stub.Answers.Enqueue(StubHttpServer.Json(200, """{"error":false,"reason":"resolved","data":[{"session_id":"session_a","meta":{"origin":"urn:crisp.im:whatsapp:0"}}]}"""));
        _stub.Answers.Enqueue(StubHttpServer.Json(200, """{"error":false,"reason":"resolved","data":[]}"""));

        await RunAsync(CatchUp(60, "website-1", "website-2"), Now.AddMinutes(-5));

        var lists = _stub.Requests.Select(r => new Uri("http://x" + r.Path)).Where(u => u.AbsolutePath.Contains("/conversations/")).ToList();
        Assert.Equal(2, lists.Count);
        Assert.All(lists, l => Assert.EndsWith("/conversations/1", l.AbsolutePath));
        var query = HttpUtility.ParseQueryString(lists[0].Query);
        Assert.Equal(Now.AddMinutes(-5).AddSeconds(-30), DateTimeOffset.Parse(query["filter_date_start"]!));
        Assert.Equal(Now.AddSeconds(30), DateTimeOffset.Parse(query["filter_date_end"]!));
        Assert.True(_queue.Reader.TryRead(out var caught));
        Assert.Equal(("message:send", "session_a"), (caught.Name, caught.Payload.GetProperty("session_id").GetString()));
        Assert.False(_queue.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Outage_longer_than_the_maximum_gap_is_caught_up_for_the_gap_only()
    {
        _stub.Answers.Enqueue(StubHttpServer.Json(200, """{"error":false,"reason":"resolved","data":[]}""")); // websites/since
        await RunAsync(CatchUp(15, "website-1"), Now.AddHours(-6));

        var list = new Uri("http://x" + Assert.Single(_stub.Requests, r => r.Path.Contains("/conversations/")).Path);
        Assert.Equal(Now.AddMinutes(-15), DateTimeOffset.Parse(HttpUtility.ParseQueryString(list.Query)["filter_date_start"]!));
        // The cut is said, in the log and on the portal's overview.
        Assert.Contains("not caught up", Status.LastCut);
    }

    [Fact]
    public async Task Failing_list_call_for_one_website_still_catches_up_the_others()
    {
        _stub.Answers.Enqueue(StubHttpServer.Json(200, """{"error":false,"reason":"resolved","data":[]}""")); // websites/since
        _stub.Answers.Enqueue(StubHttpServer.Json(403, """{"error":true,"reason":"not_allowed","data":{}}"""));
        _stub.Answers.Enqueue(StubHttpServer.Json(200, """{"error":false,"reason":"resolved","data":[{"session_id":"session_b","meta":{"origin":"urn:crisp.im:telegram:0"}}]}"""));

        await RunAsync(CatchUp(60, "website-1", "website-2"), Now.AddMinutes(-1));

        Assert.True(_queue.Reader.TryRead(out var caught));
        Assert.Equal("session_b", caught.Payload.GetProperty("session_id").GetString());
        Assert.Contains("website-1", Status.LastCut); // said on the portal: a refusal that lasts is not retried
    }

    [Fact]
    public async Task Catch_up_that_fails_stays_pending_holds_the_mark_and_lists_only_the_websites_left_when_tried_again()
    {
        var catchUp = CatchUp(60, "website-1", "website-2");
        await catchUp.RunPendingAsync(CancellationToken.None); // the website list counts as loaded
        var lastEventAt = Now.AddMinutes(-5);
        catchUp.Request(lastEventAt);
        _stub.Answers.Enqueue(StubHttpServer.Json(200, """{"error":false,"reason":"resolved","data":[]}""")); // websites/since
        _stub.Answers.Enqueue(StubHttpServer.Json(200, """{"error":false,"reason":"resolved","data":[{"session_id":"session_a","meta":{"origin":"urn:crisp.im:whatsapp:0"}}]}"""));
        for (var attempt = 0; attempt < 5; attempt++) // every attempt of the second website's list
            _stub.Answers.Enqueue(StubHttpServer.Json(503, """{"error":true,"reason":"unavailable","data":{}}"""));

        await Assert.ThrowsAsync<CrispApiException>(() => catchUp.RunPendingAsync(CancellationToken.None));

        Assert.Equal(lastEventAt, catchUp.HoldsMarkAt); // unfinished: the mark may not pass its start
        _stub.Answers.Enqueue(StubHttpServer.Json(200, """{"error":false,"reason":"resolved","data":[{"session_id":"session_b","meta":{"origin":"urn:crisp.im:telegram:0"}}]}"""));
        var before = _stub.Requests.Count;

        await catchUp.RunPendingAsync(CancellationToken.None);

        Assert.Null(catchUp.HoldsMarkAt);
        var retried = _stub.Requests.Skip(before).Select(r => r.Path).ToList();
        Assert.Single(retried); // neither the website list nor the first website again
        Assert.Contains("/website/website-2/conversations/1", Assert.Single(retried));
        Assert.True(_queue.Reader.TryRead(out var first));
        Assert.True(_queue.Reader.TryRead(out var second));
        Assert.Equal(["session_a", "session_b"], new[] { first, second }.Select(e => e.Payload.GetProperty("session_id").GetString()));
    }
}
