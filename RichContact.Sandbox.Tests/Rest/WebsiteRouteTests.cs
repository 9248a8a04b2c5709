namespace RichContact.Sandbox.Tests.Rest;

public sealed class WebsiteRouteTests : SandboxTestBase
{
    [Fact]
    public async Task A_subscribed_website_answers_with_its_name_and_domain()
    {
        var (status, envelope) = await GetAsync($"website/{WebsiteId}");

        Assert.Equal(200, status);
        Assert.Equal(WebsiteId, envelope["data"]!["website_id"]!.GetValue<string>());
        Assert.Equal("Demo Shop", envelope["data"]!["name"]!.GetValue<string>());
        Assert.Equal("shop.example.com", envelope["data"]!["domain"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_website_installed_later_answers_with_the_name_and_domain_it_was_given()
    {
        var website = await Sandbox.Control.SubscribeWebsiteAsync(new() { Name = "Café \"Chez Nous\", Lisbon", Domain = "chez-nous.example.pt" });

        var (_, envelope) = await GetAsync($"website/{website.WebsiteId}");

        Assert.Equal("Café \"Chez Nous\", Lisbon", envelope["data"]!["name"]!.GetValue<string>());
        Assert.Equal("chez-nous.example.pt", envelope["data"]!["domain"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_website_that_has_not_installed_the_plugin_is_not_found()
    {
        AssertCrispError(await GetAsync("website/3f9a0c1e-0000-4000-8000-000000000000"), 404, "not_subscribed");
    }

    [Fact]
    public async Task The_switch_makes_the_route_refuse_the_plugin_tier_until_it_is_switched_back()
    {
        await Sandbox.Control.SetWebsiteRouteAsync(WebsiteRouteReadings.Refused);
        AssertCrispError(await GetAsync($"website/{WebsiteId}"), 403, "restricted_route_tier");

        await Sandbox.Control.SetWebsiteRouteAsync(WebsiteRouteReadings.Answered);
        Assert.Equal(200, (await GetAsync($"website/{WebsiteId}")).Status);
    }

    [Fact]
    public async Task Each_call_is_counted_under_the_route_template()
    {
        await GetAsync($"website/{WebsiteId}");
        await GetAsync($"website/{WebsiteId}");

        Assert.Equal(2, (await Sandbox.Control.RequestsAsync()).Count("GET", "/v1/website/{website_id}"));
    }
}
