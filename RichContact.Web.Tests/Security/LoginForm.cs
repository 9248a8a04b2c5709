using System.Net;
using System.Text.RegularExpressions;
using RichContact.Web.Auth;

namespace RichContact.Web.Tests.Security;

/// <summary>The login form driven over plain HTTP, as a script (or a browser) would.</summary>
public static partial class LoginForm
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>
    /// Posts the login form: the page's antiforgery field and cookie included; with
    /// <paramref name="forwardedFor"/>, both requests say they come from that address (X-Forwarded-For).
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string password, string? extraCookie = null, string? forwardedFor = null)
    {
        var get = new HttpRequestMessage(HttpMethod.Get, "/login");
        if (forwardedFor is not null)
            get.Headers.Add("X-Forwarded-For", forwardedFor);
        var page = await client.SendAsync(get);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        var cookies = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        if (extraCookie is not null)
            cookies.Add(extraCookie);

        var post = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(
                [new("_handler", "login"), new("__RequestVerificationToken", WebUtility.HtmlDecode(token)), new("Input.Password", password)]),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies));
        if (forwardedFor is not null)
            post.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(post);
    }

    /// <summary>The admin session cookie the response sets, if any.</summary>
    public static string? SessionCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).Where(c => c.StartsWith(AdminAuthentication.CookieName + "=")).Select(c => c[(AdminAuthentication.CookieName.Length + 1)..]).FirstOrDefault(c => c.Length > 0)
            : null;

    /// <summary>GET <paramref name="path"/> with the admin session cookie.</summary>
    public static Task<HttpResponseMessage> GetWithSessionAsync(HttpClient client, string path, string session)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"{AdminAuthentication.CookieName}={session}");
        return client.SendAsync(request);
    }
}
