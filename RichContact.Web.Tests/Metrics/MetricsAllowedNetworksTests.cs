using System.Net;
using RichContact.Web.Tests.Browser;
using RichContact.Web.Tests.Security;

namespace RichContact.Web.Tests.Metrics;

/// <summary>
/// <c>/metrics</c> answers only the networks <c>RichContact:Metrics:AllowedNetworks</c> lists. Every
/// 127.x address is loopback on Linux, so two of them stand for two machines.
/// </summary>
public sealed class MetricsAllowedNetworksTests : AppOverHttp
{
    protected override void Configure(RichContactApp app)
    {
        app.Settings["RichContact:Metrics:Enabled"] = "true";
        app.Settings["RichContact:Metrics:AllowedNetworks"] = "10.0.0.0/8 127.0.0.2";
    }

    [Fact]
    public async Task A_client_outside_the_allowed_networks_gets_403_and_no_metrics_while_an_allowed_one_scrapes()
    {
        var refused = await Http.GetAsync("/metrics"); // from 127.0.0.1
        var refusedText = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("richcontact_", refusedText);

        using var allowedClient = ClientFrom("127.0.0.2");
        var allowed = await allowedClient.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("richcontact_crisp_budget_remaining", await allowed.Content.ReadAsStringAsync());
    }
}
