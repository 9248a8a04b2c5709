using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using RichContact.Sandbox.Control;

namespace RichContact.Sandbox.Tests.Control;

public sealed class ControlApiTests : SandboxTestBase
{
    [Fact]
    public async Task Control_api_refuses_callers_that_are_not_on_loopback()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.10");
        context.Response.Body = new MemoryStream();
        var reached = false;

        await ControlRoutes.LoopbackOnly(context, () => { reached = true; return Task.CompletedTask; });

        Assert.False(reached);
        Assert.Equal(403, context.Response.StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task Control_api_lets_loopback_callers_through(string address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        var reached = false;

        await ControlRoutes.LoopbackOnly(context, () => { reached = true; return Task.CompletedTask; });

        Assert.True(reached);
    }

    [Fact]
    public async Task Control_api_needs_no_crisp_credentials_and_is_not_counted_as_rest_calls()
    {
        using var anonymous = new HttpClient { BaseAddress = Sandbox.Url };
        using var response = await anonymous.GetAsync("_sandbox/requests");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await Sandbox.Control.RequestsAsync()).Total);
    }

    [Fact]
    public async Task A_subscribed_website_is_listed_and_reachable_and_an_unsubscribed_one_is_not()
    {
        var website = await Sandbox.Control.SubscribeWebsiteAsync(new SubscribeWebsiteRequest { Name = "New Shop" });

        var (_, listed) = await GetAsync("plugin/connect/websites/all/1");
        Assert.Contains(listed["data"]!.AsArray(), w => w!["website_id"]!.GetValue<string>() == website.WebsiteId
            && w["token"]!.GetValue<string>() == website.Token);
        Assert.Equal(200, (await GetAsync($"website/{website.WebsiteId}/people/profiles/1")).Status);

        await Sandbox.Control.UnsubscribeWebsiteAsync(website.WebsiteId);
        Assert.Equal("not_subscribed", (await GetAsync($"website/{website.WebsiteId}/people/profiles/1")).Envelope["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Seeding_a_profile_without_an_email_is_refused()
    {
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            Sandbox.Control.SeedProfileAsync(WebsiteId, new JsonObject { ["person"] = new JsonObject { ["phone"] = "+34 612 34 56 78" } }));
    }

    [Fact]
    public void Options_bind_from_the_configuration_section_and_configured_websites_replace_the_demo_ones()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RichContact:Sandbox:Identifier"] = "id-1",
            ["RichContact:Sandbox:Key"] = "key-1",
            ["RichContact:Sandbox:PluginId"] = "plugin-1",
            ["RichContact:Sandbox:Websites:0:Id"] = "w-1",
            ["RichContact:Sandbox:Websites:0:Token"] = "t-1",
            ["RichContact:Sandbox:HookUrl"] = "http://127.0.0.1:9/hooks",
            ["RichContact:Sandbox:HookSecret"] = "s-1",
        }).Build();

        var options = SandboxOptionsBinding.Bind(configuration);

        Assert.Equal(("id-1", "key-1", "plugin-1"), (options.Identifier, options.Key, options.PluginId));
        Assert.Equal(("w-1", "t-1"), (options.Websites.Single().Id, options.Websites.Single().Token));
        Assert.Equal(("http://127.0.0.1:9/hooks", "s-1"), (options.HookUrl, options.HookSecret));
    }

    [Fact]
    public void Options_default_to_the_documented_demo_identity()
    {
        var options = SandboxOptionsBinding.Bind(new ConfigurationBuilder().Build());
        Assert.Equal(SandboxOptions.DefaultIdentifier, options.Identifier);
        Assert.Equal(SandboxOptions.DefaultKey, options.Key);
        Assert.Equal(SandboxOptions.DefaultPluginId, options.PluginId);
        Assert.Equal(3, options.Websites.Count);
        Assert.Null(options.HookUrl);
    }
}
