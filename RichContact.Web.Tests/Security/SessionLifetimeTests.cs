using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RichContact.Engine.Storage;
using RichContact.Testing;
using RichContact.Web.Auth;
using RichContact.Web.Tests.Browser;

namespace RichContact.Web.Tests.Security;

/// <summary>
/// Admin sessions over real HTTP across real restarts of the app on one data directory (the cookie
/// keys live there, so a cookie outlives the process that issued it).
/// </summary>
public sealed class SessionLifetimeTests : IDisposable
{
    private const string FirstPassword = "first password of the owner";
    private const string NewPassword = "the password after a leak";

    private readonly TempDataDirectory _data = new();
    private readonly List<HttpClient> _clients = [];

    public void Dispose()
    {
        _clients.ForEach(c => c.Dispose());
        _data.Dispose();
    }

    [Fact]
    public async Task A_new_password_ends_every_session_made_with_the_old_one()
    {
        string session;
        await using (var first = Start(FirstPassword))
            session = LoginForm.SessionCookie(await LoginForm.PostAsync(Client(first), FirstPassword))!;

        // A restart alone keeps the session: the keys are in the data directory.
        await using (var restarted = Start(FirstPassword))
            Assert.Equal(HttpStatusCode.OK, (await LoginForm.GetWithSessionAsync(Client(restarted), "/activity", session)).StatusCode);

        await using var changed = Start(NewPassword);
        var refused = await LoginForm.GetWithSessionAsync(Client(changed), "/activity", session);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/login", refused.Headers.Location!.PathAndQuery);
        Assert.NotNull(LoginForm.SessionCookie(await LoginForm.PostAsync(Client(changed), NewPassword)));
    }

    [Fact]
    public async Task A_new_generated_password_ends_every_session_made_with_the_old_one()
    {
        string session;
        await using (var first = Start(configuredPassword: null))
        {
            Assert.True(File.Exists(Path.Combine(_data.Path, DataDirectory.AdminAccountFileName)));
            // The generated password is printed, not known here: store one the test knows, as a restore from backup would.
            File.WriteAllText(Path.Combine(_data.Path, DataDirectory.AdminAccountFileName), System.Text.Json.JsonSerializer.Serialize(PasswordHash.Create(FirstPassword)));
        }
        await using (var second = Start(configuredPassword: null))
            session = LoginForm.SessionCookie(await LoginForm.PostAsync(Client(second), FirstPassword))!;
        Assert.NotNull(session);

        // The README's recovery: delete admin.json and restart, a new password is generated.
        File.Delete(Path.Combine(_data.Path, DataDirectory.AdminAccountFileName));
        await using var regenerated = Start(configuredPassword: null);

        Assert.Equal(HttpStatusCode.Redirect, (await LoginForm.GetWithSessionAsync(Client(regenerated), "/activity", session)).StatusCode);
    }

    [Fact]
    public async Task A_session_ends_after_its_lifetime_however_active_it_is()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var app = Start(FirstPassword, services =>
            services.AddSingleton(sp => new AdminSessions(sp.GetRequiredService<AdminAccount>(), sp.GetRequiredService<IOptions<AdminOptions>>(), clock)));
        var session = LoginForm.SessionCookie(await LoginForm.PostAsync(Client(app), FirstPassword))!;

        // Used every day: the cookie's 8-hour sliding expiry would renew it for ever.
        for (var day = 1; day <= 6; day++)
        {
            clock.Advance(TimeSpan.FromDays(1));
            Assert.Equal(HttpStatusCode.OK, (await LoginForm.GetWithSessionAsync(Client(app), "/activity", session)).StatusCode);
        }
        clock.Advance(TimeSpan.FromDays(1)); // 7 days, the default lifetime

        Assert.Equal(HttpStatusCode.Redirect, (await LoginForm.GetWithSessionAsync(Client(app), "/activity", session)).StatusCode);
    }

    private RichContactApp Start(string? configuredPassword, Action<IServiceCollection>? services = null)
    {
        var app = new RichContactApp("https://app.crisp.chat", _data) { TestServices = services };
        app.Settings["RichContact:Admin:Password"] = configuredPassword ?? "";
        app.StartServer();
        return app;
    }

    /// <summary>A plain client for the app: no redirect followed, no cookie kept but the ones the test sends.</summary>
    private HttpClient Client(RichContactApp app)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseUrl };
        _clients.Add(client);
        return client;
    }
}
