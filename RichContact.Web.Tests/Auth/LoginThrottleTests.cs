using System.Net;
using Microsoft.Extensions.Options;
using RichContact.Testing;
using RichContact.Web.Auth;

namespace RichContact.Web.Tests.Auth;

public sealed class LoginThrottleTests
{
    private const string Owner = "192.0.2.10";
    private const string Stranger = "198.51.100.66";

    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    private LoginThrottle Throttle(int maxFailedAttempts = 3, int longestWaitMinutes = 5) =>
        new(Options.Create(new AdminOptions { MaxFailedAttempts = maxFailedAttempts, LockoutMinutes = longestWaitMinutes }), _clock);

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
    public void Many_addresses_cannot_eat_the_memory_and_the_quietest_is_forgotten_first()
    {
        var throttle = Throttle(maxFailedAttempts: 1);
        Assert.True(throttle.TryBegin("quietest", out _));
        for (var client = 1; client < LoginThrottle.Capacity; client++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            throttle.TryBegin($"client {client}", out _);
        }

        throttle.TryBegin("one more", out _);

        Assert.Equal(LoginThrottle.Capacity, throttle.ClientCount);
        _clock.Advance(TimeSpan.FromSeconds(1)); // every wait so far is over
        // Forgotten: its next wrong password is its first again (1 s wait), where a remembered client's is its second (2 s).
        Assert.Equal(TimeSpan.FromSeconds(1), WaitAfterOneMoreFailure(throttle, "quietest"));
        Assert.Equal(TimeSpan.FromSeconds(2), WaitAfterOneMoreFailure(throttle, $"client {LoginThrottle.Capacity - 1}"));
    }

    private static TimeSpan WaitAfterOneMoreFailure(LoginThrottle throttle, string client)
    {
        Assert.True(throttle.TryBegin(client, out _));
        Assert.False(throttle.TryBegin(client, out var wait));
        return wait;
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void An_ipv6_host_is_one_client_however_many_addresses_of_its_64_it_uses(string address, string client) =>
        Assert.Equal(client, LoginThrottle.ClientOf(IPAddress.Parse(address)));
}
