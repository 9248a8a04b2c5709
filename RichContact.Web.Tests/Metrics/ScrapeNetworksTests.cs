using System.Net;
using RichContact.Web.Metrics;

namespace RichContact.Web.Tests.Metrics;

public sealed class ScrapeNetworksTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:10.1.2.3", true)] // an IPv4 client on a dual-stack socket
    [InlineData("172.31.255.255", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("fd12:3456::1", true)]
    [InlineData("203.0.113.7", false)]
    [InlineData("2001:db8::1", false)]
    public void The_default_lets_loopback_and_private_networks_scrape_and_nobody_else(string client, bool allowed) =>
        Assert.Equal(allowed, ScrapeNetworks.Parse(MetricsOptions.PrivateNetworks).Allows(IPAddress.Parse(client)));

    [Fact]
    public void A_single_address_allows_that_address_alone_and_an_unknown_client_nothing()
    {
        var networks = ScrapeNetworks.Parse("192.0.2.10, 2001:db8::5");

        Assert.True(networks.Allows(IPAddress.Parse("192.0.2.10")));
        Assert.True(networks.Allows(IPAddress.Parse("2001:db8::5")));
        Assert.False(networks.Allows(IPAddress.Parse("192.0.2.11")));
        Assert.False(networks.Allows(null));
    }

    [Theory]
    [InlineData("192.168.1/24")] // inet_aton would read 192.168.0.1
    [InlineData("10")]
    [InlineData("10.0.0.0/33")]
    [InlineData("localhost")]
    public void What_is_not_a_network_or_an_address_is_named(string entry) =>
        Assert.Equal([entry], ScrapeNetworks.Invalid($"127.0.0.0/8 {entry}"));
}
