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
        App.StartServer();
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = App.BaseUrl };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
    }
}
