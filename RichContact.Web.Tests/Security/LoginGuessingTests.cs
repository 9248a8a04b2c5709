using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RichContact.Engine.Storage;
using RichContact.Testing;
using RichContact.Web.Auth;
using RichContact.Web.Tests.Browser;

namespace RichContact.Web.Tests.Security;

/// <summary>
/// Password guessing against the real app over HTTP, from two machines: the owner on 127.0.0.1 and
/// a stranger on 127.0.0.2. The password is stored as on a real install (a PBKDF2 hash in
/// admin.json, slow on purpose), and the throttle's clock is moved by hand.
/// </summary>
public sealed class LoginGuessingTests : AppOverHttp
{
    private const string Stranger = "127.0.0.2";

    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    protected override void Configure(RichContactApp app)
    {
        app.Settings["RichContact:Admin:Password"] = "";
        File.WriteAllText(Path.Combine(app.DataDirectory, DataDirectory.AdminAccountFileName), JsonSerializer.Serialize(PasswordHash.Create(RichContactApp.AdminPassword)));
        app.TestServices = services => services.AddSingleton(sp => new LoginThrottle(sp.GetRequiredService<IOptions<AdminOptions>>(), _clock));
    }

    [Fact]
    public async Task Strangers_failing_logins_never_lock_out_the_owner()
    {
        using var stranger = ClientFrom(Stranger);
        for (var guess = 1; guess <= 10; guess++)
            Assert.NotEqual(HttpStatusCode.Redirect, (await PostLoginAsync($"guess {guess}", stranger)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostLoginAsync(RichContactApp.AdminPassword, stranger)).StatusCode);

        var owner = await PostLoginAsync(RichContactApp.AdminPassword);

        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
        Assert.NotNull(SessionCookie(owner));
    }

    [Fact]
    public async Task Password_guessing_makes_that_client_wait_even_for_the_right_password_and_the_wait_grows()
    {
        for (var guess = 1; guess <= 5; guess++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostLoginAsync($"guess {guess}")).StatusCode);

        var right = await PostLoginAsync(RichContactApp.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), right.Headers.RetryAfter?.Delta);
        Assert.Null(SessionCookie(right));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostLoginAsync("guess 6")).StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), (await PostLoginAsync(RichContactApp.AdminPassword)).Headers.RetryAfter?.Delta);

        _clock.Advance(TimeSpan.FromSeconds(2));
        var waitedOut = await PostLoginAsync(RichContactApp.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, waitedOut.StatusCode);
        Assert.NotNull(SessionCookie(waitedOut));
    }

    [Fact]
    public async Task Wrong_passwords_sent_at_once_get_no_more_checks_than_sent_one_by_one()
    {
        using var stranger = ClientFrom(Stranger);

        var answers = await Task.WhenAll(Enumerable.Range(1, 20).Select(guess => PostLoginAsync($"guess {guess}", stranger)));

        // The default allows 5 wrong passwords before the first wait; the others are refused unchecked.
        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(15, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
    }
}
