using System.Net;
using RichContact.Web.Auth;
using RichContact.Web.Tests.Browser;

namespace RichContact.Web.Tests.Security;

/// <summary>
/// The admin portal attacked over plain HTTP, as a script would: no browser to help. Each test has
/// its own app and data directory (xunit makes one instance per test), so the lockout locks out no other test.
/// </summary>
public sealed class AdminHttpSecurityTests : AppOverHttp
{
    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/activity")]
    [InlineData("GET", "/websites")]
    [InlineData("GET", "/websites/website-1")]
    [InlineData("GET", "/activity/export.csv")]
    [InlineData("GET", "/admin/jobs")]
    [InlineData("GET", "/admin/jobs/jobs/scheduled")]
    [InlineData("GET", "/admin/jobs/stats")]
    [InlineData("POST", "/admin/jobs/stats")]
    [InlineData("POST", "/admin/jobs/jobs/scheduled/enqueue")]
    [InlineData("POST", "/admin/jobs/jobs/scheduled/delete")]
    public async Task Admin_url_without_a_session_is_refused(string method, string path)
    {
        var response = await Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? new FormUrlEncodedContent([new("jobs[]", "1")]) : null });

        // A POST may also be refused earlier, for its missing antiforgery token; a GET has no such excuse.
        var refused = response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized
            || method == "POST" && response.StatusCode == HttpStatusCode.BadRequest;
        Assert.True(refused, $"{method} {path} answered {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
            Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Forged_session_cookie_opens_nothing_and_login_issues_a_fresh_cookie()
    {
        const string forged = "CfDJ8-forged-by-an-attacker";
        var withForged = new HttpRequestMessage(HttpMethod.Get, "/activity");
        withForged.Headers.Add("Cookie", $"{AdminAuthentication.CookieName}={forged}");
        Assert.Equal(HttpStatusCode.Redirect, (await Http.SendAsync(withForged)).StatusCode);

        // Session fixation: the cookie planted before login is not the one the login hands out.
        var login = await PostLoginAsync(RichContactApp.AdminPassword, extraCookie: $"{AdminAuthentication.CookieName}={forged}");
        var session = SessionCookie(login);
        Assert.NotNull(session);
        Assert.NotEqual(forged, session);

        var withSession = new HttpRequestMessage(HttpMethod.Get, "/activity");
        withSession.Headers.Add("Cookie", $"{AdminAuthentication.CookieName}={session}");
        Assert.Equal(HttpStatusCode.OK, (await Http.SendAsync(withSession)).StatusCode);
    }

    [Fact]
    public async Task Session_cookie_is_http_only_secure_and_same_site_strict()
    {
        var login = await PostLoginAsync(RichContactApp.AdminPassword);

        var setCookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AdminAuthentication.CookieName + "="));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_and_logout_posted_without_an_antiforgery_token_are_refused()
    {
        // A cross-site form cannot read our page, so it cannot send the token.
        var login = await Http.PostAsync("/login", new FormUrlEncodedContent(
            [new("_handler", "login"), new("Input.Password", RichContactApp.AdminPassword)]));
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.Null(SessionCookie(login));

        var logout = await Http.PostAsync("/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/activity")]
    [InlineData("/admin/jobs")]
    public async Task Admin_pages_refuse_to_be_framed_by_any_site(string path)
    {
        var response = await Http.GetAsync(path);

        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
