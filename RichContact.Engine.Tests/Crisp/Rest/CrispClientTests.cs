using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RichContact.Engine.Crisp;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Storage;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Crisp.Rest;

public class CrispClientTests : IAsyncLifetime
{
    private readonly TempDataDirectory _data = new();
    private StubHttpServer _stub = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync() => _stub = await StubHttpServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        await _stub.DisposeAsync();
        _data.Dispose();
    }

    private CrispClient Client(int budget = 5000)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RichContact:DataDirectory"] = _data.Path,
            ["RichContact:Crisp:Identifier"] = "plugin-id",
            ["RichContact:Crisp:Key"] = "plugin-key",
            ["RichContact:Crisp:ApiUrl"] = _stub.Url,
            ["RichContact:Crisp:DailyRequestBudget"] = budget.ToString(),
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddOptions<DataDirectoryOptions>().Bind(configuration.GetSection(DataDirectoryOptions.Section));
        services.AddCrisp(configuration);
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<CrispClient>();
    }

    [Fact]
    public async Task Requests_carry_basic_auth_and_the_plugin_tier_header()
    {
        _stub.Answers.Enqueue(StubHttpServer.Json(200, """{"error":false,"reason":"resolved","data":{"socket":{"app":"ws://127.0.0.1:1/p/1/"}}}"""));

        var endpoint = await Client().GetRtmEndpointAsync();

        Assert.Equal("ws://127.0.0.1:1/p/1/", endpoint.Socket.ToString());
        var (method, path, headers) = Assert.Single(_stub.Requests);
        Assert.Equal(("GET", "/v1/plugin/connect/endpoints"), (method, path));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("plugin-id:plugin-key")), headers["Authorization"]);
        Assert.Equal("plugin", headers["X-Crisp-Tier"]);
    }

    [Fact]
    public async Task Error_envelope_becomes_a_typed_error_with_status_and_reason()
    {
        _stub.Answers.Enqueue(StubHttpServer.Json(404, """{"error":true,"reason":"not_subscribed","data":{}}"""));

        var error = await Assert.ThrowsAsync<CrispApiException>(() => Client().GetConversationMetaAsync("w1", "s1"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.Status);
        Assert.Equal("not_subscribed", error.Reason);
        Assert.Equal("crisp_404_not_subscribed", error.ReasonCode);
    }

    [Fact]
    public async Task Conflict_on_create_is_reported_as_conflict()
    {
        _stub.Answers.Enqueue(StubHttpServer.Json(409, """{"error":true,"reason":"people_exists","data":{}}"""));

        var error = await Assert.ThrowsAsync<CrispApiException>(() => Client().CreatePeopleProfileAsync("w1",
            new NewPeopleProfile("a@b.co", new NewPerson(null, null, null), ["whatsapp"])));

        Assert.True(error.IsConflict);
    }

    [Fact]
    public async Task Server_errors_are_retried_and_every_attempt_counts_as_a_rest_call()
    {
        _stub.Answers.Enqueue(StubHttpServer.Json(503, "<html>busy</html>"));
        _stub.Answers.Enqueue(StubHttpServer.Json(500, """{"error":true,"reason":"error","data":{}}"""));
        _stub.Answers.Enqueue(StubHttpServer.Json(200, """{"error":false,"reason":"resolved","data":{"origin":"urn:crisp.im:whatsapp:0","phone":"+351912345678"}}"""));
        var client = Client();

        VisitorDetails meta;
        RestCallCounter counter;
        using (RestCallCounter.Begin(out counter))
            meta = await client.GetConversationMetaAsync("w1", "s1");

        Assert.Equal("+351912345678", meta.Phone);
        Assert.Equal(3, counter.Calls);
    }

    [Fact]
    public async Task Rate_limit_waits_what_retry_after_says_then_succeeds()
    {
        _stub.Answers.Enqueue(StubHttpServer.Json(429, """{"error":true,"reason":"rate_limited","data":{}}""", r => r.Headers.RetryAfter = "2"));
        _stub.Answers.Enqueue(StubHttpServer.Json(200, """{"error":false,"reason":"resolved","data":[]}"""));
        var client = Client();

        var clock = Stopwatch.StartNew();
        var found = await client.SearchPeopleAsync("w1", [new PeopleFilter("email", "eq", ["a@b.co"])], "or", 1);

        Assert.Empty(found);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"retried after {clock.Elapsed}");
        Assert.Equal(2, _stub.Requests.Count);
    }

    [Fact]
    public async Task Quota_limit_420_without_retry_after_is_retried_with_backoff()
    {
        _stub.Answers.Enqueue(StubHttpServer.Json(420, """{"error":true,"reason":"quota_limit_exceeded","data":{}}"""));
        _stub.Answers.Enqueue(StubHttpServer.Json(200, """{"error":false,"reason":"added","data":{"people_id":"p1"}}"""));

        var peopleId = await Client().CreatePeopleProfileAsync("w1", new NewPeopleProfile("a@b.co", new NewPerson("Ana", "+351912345678", null), ["whatsapp"]));

        Assert.Equal("p1", peopleId);
        Assert.Equal(2, _stub.Requests.Count);
    }

    [Fact]
    public async Task Client_errors_other_than_rate_limits_are_not_retried()
    {
        _stub.Answers.Enqueue(StubHttpServer.Json(400, """{"error":true,"reason":"invalid_data","data":{}}"""));

        var error = await Assert.ThrowsAsync<CrispApiException>(() => Client().GetConversationMetaAsync("w1", "s1"));

        Assert.Equal("invalid_data", error.Reason);
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task Spent_daily_budget_stops_calls_before_they_leave()
    {
        var client = Client(budget: 2);
        var budget = _services.GetRequiredService<CrispRequestBudget>();

        await client.GetConversationMetaAsync("w1", "s1");
        await client.GetConversationMetaAsync("w1", "s2");
        var refused = await Assert.ThrowsAsync<CrispBudgetExhaustedException>(() => client.GetConversationMetaAsync("w1", "s3"));

        Assert.Equal(2, _stub.Requests.Count);
        Assert.Equal((2, 2, true), (budget.Used, budget.Limit, budget.IsExhausted));
        Assert.Equal(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(1), refused.ResumesAt.UtcDateTime);
    }

    [Fact]
    public async Task Websites_are_listed_page_by_page_until_an_empty_page()
    {
        _stub.Answers.Enqueue(StubHttpServer.Json(200, """{"error":false,"reason":"listed","data":[{"website_id":"w1","token":"t1"},{"website_id":"w2","token":"t2"}]}"""));
        _stub.Answers.Enqueue(StubHttpServer.Json(200, """{"error":false,"reason":"listed","data":[{"website_id":"w3","token":"t3"},{"website_id":42}]}"""));
        _stub.Answers.Enqueue(StubHttpServer.Json(200, """{"error":false,"reason":"listed","data":[]}"""));

        var websites = await Client().ListSubscribedWebsitesAsync();

        Assert.Equal(["w1", "w2", "w3"], websites.Select(w => w.WebsiteId));
        Assert.Equal("/v1/plugin/connect/websites/all/3", _stub.Requests.Last().Path);
    }
    [Fact]
    public async Task Website_route_gives_the_name_and_domain_and_counts_as_one_rest_call()
    {
        _stub.Answers.Enqueue(StubHttpServer.Json(200, """{"error":false,"reason":"resolved","data":{"website_id":"w1","name":" Demo Shop ","domain":"","logo":null}}"""));
        var client = Client();

        CrispWebsite website;
        RestCallCounter counter;
        using (RestCallCounter.Begin(out counter))
            website = await client.GetWebsiteAsync("w1");

        Assert.Equal(new CrispWebsite("w1", "Demo Shop", null), website);
        Assert.Equal(("GET", "/v1/website/w1"), (_stub.Requests.Single().Method, _stub.Requests.Single().Path));
        Assert.Equal(1, counter.Calls);
        Assert.Equal(1, _services.GetRequiredService<CrispRequestBudget>().Used);
    }

    [Fact]
    public async Task Website_route_closed_to_plugins_is_a_typed_refusal_that_is_not_retried()
    {
        _stub.Answers.Enqueue(StubHttpServer.Json(403, """{"error":true,"reason":"restricted_route_tier","data":{}}"""));

        var error = await Assert.ThrowsAsync<CrispApiException>(() => Client().GetWebsiteAsync("w1"));

        Assert.Equal((System.Net.HttpStatusCode.Forbidden, "website.get"), (error.Status, error.Operation));
        Assert.Single(_stub.Requests);
    }
}
