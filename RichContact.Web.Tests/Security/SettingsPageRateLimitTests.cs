using System.Net;
using RichContact.Web.Tests.Browser;

namespace RichContact.Web.Tests.Security;

/// <summary>The Crisp settings page's per-client limit, over real HTTP from two loopback addresses.</summary>
public sealed class SettingsPageRateLimitTests : AppOverHttp
{
    private const int PerMinute = 5;

    protected override void Configure(RichContactApp app) =>
        app.Settings["RichContact:Web:SettingsRequestsPerMinute"] = PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_client_flooding_the_settings_page_is_refused_with_429_and_other_clients_are_served()
    {
        var website = App.Sandbox.Options.Websites[0];
        for (var i = 0; i < PerMinute; i++)
            Assert.Equal(HttpStatusCode.Forbidden, (await Http.GetAsync($"/crisp/settings?website_id={Guid.NewGuid()}&token=made-up")).StatusCode);

        var refused = await Http.GetAsync($"/crisp/settings?website_id={website.Id}&token={website.Token}");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a Retry-After");
        Assert.DoesNotContain(website.Token, await refused.Content.ReadAsStringAsync());

        using var other = ClientFrom("127.0.0.2");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/crisp/settings?website_id={website.Id}&token={website.Token}")).StatusCode);
    }
}
