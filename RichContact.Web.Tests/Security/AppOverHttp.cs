using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using RichContact.Web.Auth;
using RichContact.Web.Tests.Browser;

namespace RichContact.Web.Tests.Security;

/// <summary>
/// The real app on a loopback port for each test, and a plain HTTP client that follows no
/// redirect and keeps no cookie: each attack test says exactly what it sends.
/// </summary>
public abstract partial class AppOverHttp : IAsyncLifetime
{
    protected RichContactApp App { get; } = new("https://app.crisp.chat");
    protected HttpClient Http { get; private set; } = null!;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public Task InitializeAsync()
    {
        Configure(App);
        App.StartServer();
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = App.BaseUrl };
        return Task.CompletedTask;
    }

    /// <summary>Changes the app's settings or services before it starts.</summary>
    protected virtual void Configure(RichContactApp app) { }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>
    /// A client whose connections come from another loopback address (127.0.0.0/8 is all loopback
    /// on Linux): to the app, another machine.
    /// </summary>
    protected HttpClient ClientFrom(string localAddress)
    {
        var local = IPAddress.Parse(localAddress);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = App.BaseUrl };
    }

    /// <summary>Posts the login form as a browser would: the page's antiforgery field and cookie included.</summary>
    protected async Task<HttpResponseMessage> PostLoginAsync(string password, HttpClient? client = null, string? extraCookie = null)
    {
        client ??= Http;
        var page = await client.GetAsync("/login");
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
        return await client.SendAsync(post);
    }

    protected static string? SessionCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).Where(c => c.StartsWith(AdminAuthentication.CookieName + "=")).Select(c => c[(AdminAuthentication.CookieName.Length + 1)..]).FirstOrDefault(c => c.Length > 0)
            : null;

    /// <summary>GET <paramref name="path"/> with the session cookie.</summary>
    protected async Task<HttpResponseMessage> GetWithSessionAsync(string path, string session, HttpClient? client = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"{AdminAuthentication.CookieName}={session}");
        return await (client ?? Http).SendAsync(request);
    }
}
