using System.Net;
using System.Net.Sockets;
using RichContact.Web.Tests.Browser;

namespace RichContact.Web.Tests.Security;

/// <summary>
/// The real app on a loopback port for each test, and a plain HTTP client that follows no
/// redirect and keeps no cookie: each attack test says exactly what it sends.
/// </summary>
public abstract class AppOverHttp : IAsyncLifetime
{
    protected RichContactApp App { get; } = new("https://app.crisp.chat");
    protected HttpClient Http { get; private set; } = null!;

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

    /// <summary>Posts the login form as a browser would (see <see cref="LoginForm"/>); from <see cref="Http"/> unless another client is given.</summary>
    protected Task<HttpResponseMessage> PostLoginAsync(string password, HttpClient? client = null, string? extraCookie = null, string? forwardedFor = null) =>
        LoginForm.PostAsync(client ?? Http, password, extraCookie, forwardedFor);

    protected static string? SessionCookie(HttpResponseMessage response) => LoginForm.SessionCookie(response);
}
