using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RichContact.Testing;
using RichContact.Web.Auth;
using RichContact.Web.Tests.Browser;

namespace RichContact.Web.Tests.Security;

/// <summary>
/// A flood of fresh addresses through the reverse proxy (loopback, trusted by default) against a
/// throttle that remembers 40 clients: the flood fills it several times over.
/// </summary>
public sealed class LoginFloodTests : AppOverHttp
{
    private const int Capacity = 40;
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    protected override void Configure(RichContactApp app) =>
        app.TestServices = services => services.AddSingleton(sp => new LoginThrottle(sp.GetRequiredService<IOptions<AdminOptions>>(), _clock, Capacity));

    [Fact]
    public async Task A_flood_of_fresh_addresses_does_not_free_an_address_that_was_being_throttled()
    {
        const string guesser = "203.0.113.7";
        for (var guess = 1; guess <= 5; guess++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostLoginAsync($"guess {guess}", forwardedFor: guesser)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostLoginAsync(RichContactApp.AdminPassword, forwardedFor: guesser)).StatusCode);

        for (var fresh = 0; fresh < Capacity * 3; fresh++)
            Assert.NotEqual(HttpStatusCode.Redirect, (await PostLoginAsync("flood", forwardedFor: $"198.{fresh / 256}.{fresh % 256}.1")).StatusCode);
        _clock.Advance(TimeSpan.FromMilliseconds(500)); // the guesser's first wait (1 s) is not over

        var after = await PostLoginAsync(RichContactApp.AdminPassword, forwardedFor: guesser);

        Assert.Equal(HttpStatusCode.TooManyRequests, after.StatusCode);
        Assert.Null(SessionCookie(after));
        Assert.True(App.Get<LoginThrottle>().ClientCount <= Capacity);
    }
}
