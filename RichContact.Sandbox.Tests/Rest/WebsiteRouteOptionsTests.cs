using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace RichContact.Sandbox.Tests.Rest;

public sealed class WebsiteRouteOptionsTests
{
    [Fact]
    public void The_reading_and_each_website_domain_bind_from_configuration_and_a_misspelt_reading_stops_the_sandbox()
    {
        var options = SandboxOptionsBinding.Bind(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RichContact:Sandbox:WebsiteRoute"] = "refused",
            ["RichContact:Sandbox:Websites:0:Id"] = "w-1",
            ["RichContact:Sandbox:Websites:0:Token"] = "t-1",
            ["RichContact:Sandbox:Websites:0:Name"] = "Shop",
            ["RichContact:Sandbox:Websites:0:Domain"] = "shop.example.com",
        }).Build());
        Assert.Equal(WebsiteRouteReadings.Refused, options.WebsiteRoute);
        Assert.Equal(("Shop", "shop.example.com"), (options.Websites.Single().Name, options.Websites.Single().Domain));

        var error = Assert.Throws<OptionsValidationException>(() => SandboxOptionsBinding.Bind(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["RichContact:Sandbox:WebsiteRoute"] = "refuse" }).Build()));
        Assert.Contains("RichContact:Sandbox:WebsiteRoute", error.Message);
    }
}
