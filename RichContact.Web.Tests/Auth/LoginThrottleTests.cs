using System.Net;
using Microsoft.Extensions.Options;
using RichContact.Testing;
using RichContact.Web.Auth;

namespace RichContact.Web.Tests.Auth;

public sealed class LoginThrottleTests
{
    private static readonly IPAddress Owner = IPAddress.Parse("192.0.2.10");
    private static readonly IPAddress Stranger = IPAddress.Parse("198.51.100.66");

    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    private LoginThrottle Throttle(int maxFailedAttempts = 3, int longestWaitMinutes = 5, int capacity = LoginThrottle.DefaultCapacity) =>
        new(Options.Create(new AdminOptions { MaxFailedAttempts = maxFailedAttempts, LockoutMinutes = longestWaitMinutes }), _clock, capacity);

    [Fact]
    public void A_client_that_has_not_failed_is_never_delayed_by_a_strangers_failures()
    {
        var throttle = Throttle();
        for (var guess = 0; guess < 50; guess++)
        {
            throttle.TryBegin(Stranger, out _);
            _clock.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.True(throttle.TryBegin(Owner, out var wait));
        Assert.Equal(TimeSpan.Zero, wait);
    }

    [Fact]
    public void Each_wrong_password_past_the_free_ones_doubles_the_wait_up_to_the_longest()
    {
        var throttle = Throttle(maxFailedAttempts: 3, longestWaitMinutes: 1);
        for (var free = 0; free < 2; free++)
            Assert.True(throttle.TryBegin(Stranger, out _));

        var waits = new List<TimeSpan>();
        for (var guess = 0; guess < 9; guess++)
        {
            Assert.True(throttle.TryBegin(Stranger, out _));
            Assert.False(throttle.TryBegin(Stranger, out var wait));
            waits.Add(wait);
            _clock.Advance(wait);
        }

        Assert.Equal(new[] { 1, 2, 4, 8, 16, 32, 60, 60, 60 }.Select(s => TimeSpan.FromSeconds(s)), waits);
    }

    [Fact]
    public void Guesses_in_flight_count_so_parallel_guesses_get_no_more_checks_than_serial_ones()
    {
        var throttle = Throttle(maxFailedAttempts: 3);

        // Nobody has answered yet (the password hash takes a while): only the free attempts may start.
        var started = Enumerable.Range(0, 20).Count(guess => throttle.TryBegin(Stranger, out var wait));

        Assert.Equal(3, started);
    }

    [Fact]
    public void The_right_password_forgets_the_clients_failures()
    {
        var throttle = Throttle(maxFailedAttempts: 3);
        throttle.TryBegin(Owner, out _);
        throttle.TryBegin(Owner, out _);
        Assert.True(throttle.TryBegin(Owner, out _));
        throttle.Succeeded(Owner);

        for (var free = 0; free < 3; free++)
            Assert.True(throttle.TryBegin(Owner, out _));
    }

    [Fact]
    public void A_client_quiet_for_a_day_starts_again_with_its_free_attempts()
    {
        var throttle = Throttle(maxFailedAttempts: 1, longestWaitMinutes: 60);
        for (var guess = 0; guess < 10; guess++)
        {
            throttle.TryBegin(Stranger, out _);
            _clock.Advance(TimeSpan.FromHours(1));
        }
        _clock.Advance(TimeSpan.FromDays(1));

        Assert.True(throttle.TryBegin(Stranger, out _));
        Assert.False(throttle.TryBegin(Stranger, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
    }

    [Fact]
    public void A_flood_of_fresh_addresses_forgets_only_clients_within_their_free_attempts_never_a_throttled_one()
    {
        var throttle = Throttle(maxFailedAttempts: 3, capacity: 100);
        for (var guess = 0; guess < 3; guess++)
            throttle.TryBegin(Stranger, out _);

        for (var fresh = 0; fresh < 1000; fresh++)
            throttle.TryBegin(IPAddress.Parse($"10.{fresh / 256}.{fresh % 256}.1"), out _);

        Assert.True(throttle.ClientCount <= 100);
        Assert.False(throttle.TryBegin(Stranger, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
    }

    [Fact]
    public void When_only_throttled_clients_fill_the_table_newcomers_share_one_try_a_second()
    {
        var throttle = Throttle(maxFailedAttempts: 1, capacity: 3);
        var throttled = Enumerable.Range(1, 3).Select(n => IPAddress.Parse($"192.0.{n}.1")).ToList();
        foreach (var client in throttled)
            Assert.True(throttle.TryBegin(client, out _));

        Assert.True(throttle.TryBegin(IPAddress.Parse("203.0.113.1"), out _));
        Assert.False(throttle.TryBegin(IPAddress.Parse("203.0.114.1"), out var wait));
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        // The remembered ones are not forgotten for it.
        Assert.All(throttled, client => Assert.False(throttle.TryBegin(client, out _)));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(throttle.TryBegin(IPAddress.Parse("203.0.114.1"), out _));
        Assert.Equal(3, throttle.ClientCount);
    }

    [Fact]
    public void Fresh_addresses_of_one_network_are_throttled_together_past_ten_times_the_free_attempts()
    {
        var throttle = Throttle(maxFailedAttempts: 3);
        for (var host = 1; host <= 3 * LoginThrottle.NetworkFactor; host++)
            Assert.True(throttle.TryBegin(IPAddress.Parse($"2001:db8:1:{host:x}::1"), out _));

        Assert.False(throttle.TryBegin(IPAddress.Parse("2001:db8:1:ffff::1"), out var wait));
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        Assert.True(throttle.TryBegin(IPAddress.Parse("2001:db8:2::1"), out _)); // another /48
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void An_ipv6_host_is_one_client_however_many_addresses_of_its_64_it_uses(string address, string client) =>
        Assert.Equal(client, LoginThrottle.ClientOf(IPAddress.Parse(address)));

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.0/24")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.0/24")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1::/48")]
    public void A_clients_network_is_its_ipv4_24_or_its_ipv6_48(string address, string network) =>
        Assert.Equal(network, LoginThrottle.NetworkOf(IPAddress.Parse(address)));
}
