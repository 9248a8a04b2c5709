using System.Net;
using Microsoft.Extensions.Options;
using RichContact.Web.Tests.Browser;

namespace RichContact.Web.Tests.Metrics;

/// <summary><c>RichContact:Metrics</c>: off by default, and checked at start like every setting.</summary>
public sealed class MetricsSettingsTests
{
    [Fact]
    public async Task Metrics_answer_404_when_not_enabled()
    {
        await using var app = new RichContactApp("https://app.crisp.chat");
        app.StartServer();
        using var http = new HttpClient { BaseAddress = app.BaseUrl };

        var response = await http.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("richcontact_", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("RichContact:Metrics:OtlpEndpoint", "collector:4317", "RichContact:Metrics:OtlpEndpoint must be an absolute http(s) URL such as http://collector:4317 (got 'collector:4317')")]
    [InlineData("RichContact:Metrics:OtlpEndpoint", "http//collector", "RichContact:Metrics:OtlpEndpoint must be an absolute http(s) URL")]
    [InlineData("RichContact:Metrics:OtlpEndpoint", "ftp://collector:4317", "RichContact:Metrics:OtlpEndpoint must be an absolute http(s) URL")]
    [InlineData("RichContact:Metrics:AllowedNetworks", "10.0.0.0/8 192.168.1/24", "RichContact:Metrics:AllowedNetworks must list networks such as 10.0.0.0/8 or addresses such as 192.168.1.20, space separated (not: '192.168.1/24')")]
    [InlineData("RichContact:Metrics:AllowedNetworks", " ", "RichContact:Metrics:AllowedNetworks must name at least one network")]
    public async Task Invalid_metrics_setting_stops_start_up_with_a_message_naming_the_key(string key, string value, string message)
    {
        await using var app = new RichContactApp("https://app.crisp.chat");
        app.Settings["RichContact:Metrics:Enabled"] = "true";
        app.Settings[key] = value;

        var error = Assert.ThrowsAny<Exception>(app.StartServer);

        var validation = Assert.IsType<OptionsValidationException>(error is AggregateException { InnerExceptions: [var inner] } ? inner : error);
        Assert.Contains(message, validation.Message);
    }
}
