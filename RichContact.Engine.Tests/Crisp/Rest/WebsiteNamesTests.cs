using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RichContact.Engine.Crisp;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Storage;
using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Crisp.Rest;

/// <summary>The website names cache against the sandbox over loopback HTTP, on a clock the test moves.</summary>
public sealed class WebsiteNamesTests : IAsyncLifetime
{
    private const string WebsiteRoute = "/v1/website/{website_id}";

    private readonly TempDataDirectory _data = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private CrispSandbox _sandbox = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync() => _sandbox = await CrispSandbox.StartAsync();

    public async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        await _sandbox.DisposeAsync();
        _data.Dispose();
    }

    private WebsiteNames Names(int budget = 5000)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RichContact:DataDirectory"] = _data.Path,
            ["RichContact:Crisp:Identifier"] = _sandbox.Options.Identifier,
            ["RichContact:Crisp:Key"] = _sandbox.Options.Key,
            ["RichContact:Crisp:ApiUrl"] = _sandbox.ApiUrl.ToString(),
            ["RichContact:Crisp:DailyRequestBudget"] = budget.ToString(),
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddOptions<DataDirectoryOptions>().Bind(configuration.GetSection(DataDirectoryOptions.Section));
        services.AddSingleton<TimeProvider>(_clock);
        services.AddCrisp(configuration);
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<WebsiteNames>();
    }

    private string Website(int index) => _sandbox.Options.Websites[index].Id;

    private async Task<long> CallsAsync() => (await _sandbox.Control.RequestsAsync()).Count("GET", WebsiteRoute);

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Websites_are_named_by_crisp_with_one_call_each_however_often_they_are_shown()
    {
        var names = Names();
        var all = Enumerable.Range(0, 3).Select(Website).ToList();

        // Three pages opening at once, each asking for every website.
        var pages = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => names.GetAsync(all, Wait)));
        for (var i = 0; i < 20; i++)
            names.Get(Website(i % 3));

        Assert.All(pages, page => Assert.Equal(new WebsiteName(Website(0), "Demo Shop", "shop.example.com"), page[Website(0)]));
        Assert.Equal("Demo Travel", names.Get(Website(2)).Display);
        Assert.Equal(3, await CallsAsync());
        // Every call is daily budget, like any other Crisp call.
        Assert.Equal(3, _services.GetRequiredService<CrispRequestBudget>().Used);
    }

    [Fact]
    public async Task A_name_is_asked_again_once_it_is_older_than_the_refresh_interval_and_the_old_one_is_shown_meanwhile()
    {
        var names = Names();
        var website = await _sandbox.Control.SubscribeWebsiteAsync(new() { Name = "Old Name", Domain = "old.example.com" });
        await names.GetAsync([website.WebsiteId], Wait);
        // The workspace renames its website in Crisp.
        await _sandbox.Control.UnsubscribeWebsiteAsync(website.WebsiteId);
        await _sandbox.Control.SubscribeWebsiteAsync(new() { WebsiteId = website.WebsiteId, Token = website.Token, Name = "New Name", Domain = "new.example.com" });

        _clock.Advance(WebsiteNames.RefreshInterval - TimeSpan.FromMinutes(1));
        Assert.Equal("Old Name", (await names.GetAsync([website.WebsiteId], Wait))[website.WebsiteId].Name);
        Assert.Equal(1, await CallsAsync());

        _clock.Advance(TimeSpan.FromMinutes(1));
        var changed = new TaskCompletionSource();
        names.Changed += () => changed.TrySetResult();
        Assert.Equal("Old Name", names.Get(website.WebsiteId).Name);
        await changed.Task.WaitAsync(Wait);

        Assert.Equal(new WebsiteName(website.WebsiteId, "New Name", "new.example.com"), names.Get(website.WebsiteId));
        Assert.Equal(2, await CallsAsync());
    }

    [Fact]
    public async Task While_crisp_refuses_the_route_websites_are_shown_by_id_and_not_asked_again_until_the_refresh()
    {
        var names = Names();
        await _sandbox.Control.SetWebsiteRouteAsync(WebsiteRouteReadings.Refused);
        var all = Enumerable.Range(0, 3).Select(Website).ToList();

        var shown = await names.GetAsync(all, Wait);
        var callsWhenRefused = await CallsAsync();
        await names.GetAsync(all, Wait);
        await names.GetAsync([(await _sandbox.Control.SubscribeWebsiteAsync(new() { Name = "Installed Later" })).WebsiteId], Wait);

        Assert.All(all, id => Assert.Equal(new WebsiteName(id), shown[id]));
        Assert.Equal(Website(1), shown[Website(1)].Display);
        // A 403 is for every website: once refused, no website asks (one call each at most, for the ones already on their way).
        Assert.InRange(callsWhenRefused, 1, 3);
        Assert.Equal(callsWhenRefused, await CallsAsync());

        await _sandbox.Control.SetWebsiteRouteAsync(WebsiteRouteReadings.Answered);
        _clock.Advance(WebsiteNames.RefreshInterval);
        Assert.Equal("Demo Clinic", (await names.GetAsync([Website(1)], Wait))[Website(1)].Name);
    }

    [Fact]
    public async Task A_website_crisp_does_not_know_is_shown_by_its_id_and_asked_again_only_after_the_refresh_interval()
    {
        var names = Names();
        const string removed = "0d7c1f0e-5b2a-4c3d-9e8f-7a6b5c4d3e2f";

        Assert.Equal(new WebsiteName(removed), (await names.GetAsync([removed], Wait))[removed]);
        await names.GetAsync([removed], Wait);
        Assert.Equal(1, await CallsAsync());
        // A 404 is about that website only: the others are still asked.
        Assert.Equal("Demo Shop", (await names.GetAsync([Website(0)], Wait))[Website(0)].Name);

        _clock.Advance(WebsiteNames.RefreshInterval);
        await names.GetAsync([removed], Wait);
        Assert.Equal(3, await CallsAsync());
    }

    [Fact]
    public async Task When_crisp_fails_the_id_is_shown_and_the_name_is_asked_again_after_the_retry_interval_not_before()
    {
        var names = Names();
        // More failures than the client's attempts: the call fails for good.
        await _sandbox.Control.FaultsAsync(new SandboxFaults { RestStatus = 503, RestCount = 5 });

        Assert.Equal(new WebsiteName(Website(0)), (await names.GetAsync([Website(0)], TimeSpan.FromSeconds(60)))[Website(0)]);
        var failedCalls = await CallsAsync();
        await _sandbox.Control.ClearFaultsAsync();
        _clock.Advance(WebsiteNames.RetryInterval - TimeSpan.FromSeconds(1));
        await names.GetAsync([Website(0)], Wait);
        Assert.Equal(failedCalls, await CallsAsync());

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("Demo Shop", (await names.GetAsync([Website(0)], Wait))[Website(0)].Name);
    }

    [Fact]
    public async Task With_the_daily_budget_spent_no_call_is_made_and_names_come_the_next_utc_day()
    {
        var names = Names(budget: 1);
        _services.GetRequiredService<CrispRequestBudget>().Spend();

        Assert.Equal(new WebsiteName(Website(0)), (await names.GetAsync([Website(0)], Wait))[Website(0)]);
        Assert.Equal(0, await CallsAsync());

        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("Demo Shop", (await names.GetAsync([Website(0)], Wait))[Website(0)].Name);
    }

    [Fact]
    public async Task A_page_waits_no_longer_than_it_asked_for_and_hears_when_the_name_arrives()
    {
        var names = Names();
        await _sandbox.Control.FaultsAsync(new SandboxFaults { LatencyMs = 1_500 });
        var arrived = new TaskCompletionSource();
        names.Changed += () => arrived.TrySetResult();

        var shown = await names.GetAsync([Website(0)], TimeSpan.FromMilliseconds(100));

        // Back before Crisp answered: the id, not the name.
        Assert.Equal(new WebsiteName(Website(0)), shown[Website(0)]);
        await arrived.Task.WaitAsync(Wait);
        Assert.Equal("Demo Shop", names.Get(Website(0)).Name);
    }

    [Fact]
    public async Task Without_a_plugin_token_no_call_is_made_and_websites_are_shown_by_id()
    {
        var services = new ServiceCollection().AddLogging();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RichContact:DataDirectory"] = _data.Path,
            ["RichContact:Crisp:ApiUrl"] = _sandbox.ApiUrl.ToString(),
        }).Build();
        services.AddOptions<DataDirectoryOptions>().Bind(configuration.GetSection(DataDirectoryOptions.Section));
        services.AddCrisp(configuration);
        await using var provider = services.BuildServiceProvider();

        var shown = await provider.GetRequiredService<WebsiteNames>().GetAsync([Website(0)], Wait);

        Assert.Equal(new WebsiteName(Website(0)), shown[Website(0)]);
        Assert.Equal(0, await CallsAsync());
    }
}
