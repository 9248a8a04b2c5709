using System.Net;
using RichContact.Web.Metrics;
using RichContact.Web.Security;

namespace RichContact.Web.Tests.Security;

public sealed class IPNetworksTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.0.0.2", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)] // an IPv4 client on a dual-stack socket
    [InlineData("10.1.2.3", false)]
    [InlineData("192.168.1.20", false)]
    [InlineData("fd12:3456::1", false)]
    [InlineData("203.0.113.7", false)]
    public void The_default_is_loopback_alone(string client, bool allowed)
    {
        Assert.Equal(allowed, IPNetworks.Parse(MetricsOptions.Loopback).Allows(IPAddress.Parse(client)));
        Assert.Equal(allowed, IPNetworks.Parse(WebOptions.Loopback).Allows(IPAddress.Parse(client)));
    }

    [Fact]
    public void A_single_address_allows_that_address_alone_and_an_unknown_client_nothing()
    {
        var networks = IPNetworks.Parse("192.0.2.10, 2001:db8::5");

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
        Assert.Equal([entry], IPNetworks.Invalid($"127.0.0.0/8 {entry}"));
}
