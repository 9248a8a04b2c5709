using System.Net;

namespace RichContact.Sandbox.Tests.Rest;

public sealed class RestGateTests : SandboxTestBase
{
    [Fact]
    public async Task Wrong_key_answers_401_in_the_envelope()
    {
        using var client = CreateRestClient(Sandbox.Options.Identifier, "wrong-key");
        using var response = await client.GetAsync("plugin/connect/account");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var envelope = await EnvelopeOf(response);
        Assert.True(envelope["error"]!.GetValue<bool>());
        Assert.Equal("invalid_session", envelope["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_basic_auth_answers_401()
    {
        using var client = new HttpClient { BaseAddress = Sandbox.ApiUrl };
        client.DefaultRequestHeaders.Add("X-Crisp-Tier", "plugin");
        using var response = await client.GetAsync("plugin/connect/account");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Missing_plugin_tier_header_answers_401()
    {
        using var client = CreateRestClient(Sandbox.Options.Identifier, Sandbox.Options.Key, tier: null);
        using var response = await client.GetAsync("plugin/connect/account");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_route_answers_not_found()
    {
        AssertCrispError(await GetAsync("plugin/connect/nothing-here"), 404, "not_found");
    }

    [Fact]
    public async Task Known_path_with_an_unsupported_method_answers_not_found()
    {
        AssertCrispError(await SendAsync(HttpMethod.Delete, "plugin/connect/account"), 404, "not_found");
    }

    [Fact]
    public async Task Route_closed_to_plugins_answers_restricted_route_tier()
    {
        AssertCrispError(await GetAsync("user/account"), 403, "restricted_route_tier");
    }

    [Theory]
    [InlineData("website/{0}/people/profiles/1")]
    [InlineData("website/{0}/conversation/session_x")]
    [InlineData("plugins/subscription/{0}/" + SandboxOptions.DefaultPluginId + "/settings")]
    public async Task Unknown_website_answers_not_subscribed(string route)
    {
        AssertCrispError(await GetAsync(string.Format(route, "00000000-0000-0000-0000-000000000000")), 404, "not_subscribed");
    }

    [Fact]
    public async Task Requests_are_counted_by_method_and_route_template_and_reset()
    {
        await GetAsync("plugin/connect/account");
        await GetAsync("plugin/connect/account");
        await GetAsync($"website/{WebsiteId}/people/profiles/1");
        await GetAsync("no/such/route");

        var counts = await Sandbox.Control.RequestsAsync();
        Assert.Equal(4, counts.Total);
        Assert.Equal(2, counts.Count("GET", "/v1/plugin/connect/account"));
        Assert.Equal(1, counts.Count("GET", "/v1/website/{website_id}/people/profiles/{page}"));

        await Sandbox.Control.ResetRequestsAsync();
        Assert.Equal(0, (await Sandbox.Control.RequestsAsync()).Total);
    }
}
