using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RichContact.Engine.Crisp;
using RichContact.Engine.Crisp.Rtm;
using RichContact.Sandbox;
using RichContact.Testing;
using RichContact.Web.Sandbox;

namespace RichContact.Web.Tests.Browser;

/// <summary>
/// The real web app (Program's composition) on a real loopback port, in sandbox mode: the sandbox
/// runs in-process on its own port and the engine talks to it over HTTP and RTM.
/// </summary>
public sealed class RichContactApp : WebApplicationFactory<Program>
{
    public const string AdminPassword = "correct horse battery staple";

    private readonly TempDataDirectory _data;
    private readonly bool _ownsData;
    private readonly int _port = FreePort.Next();
    private readonly Dictionary<string, string?> _settings;

    /// <param name="data">A data directory the caller keeps (to start the app again on it); a fresh one by default.</param>
    public RichContactApp(string frameAncestor, TempDataDirectory? data = null)
    {
        _data = data ?? new TempDataDirectory();
        _ownsData = data is null;
        _settings = new()
        {
            ["RichContact:DataDirectory"] = _data.Path,
            ["RichContact:CollectionWindowSeconds"] = "1",
            ["RichContact:Admin:Password"] = AdminPassword,
            ["RichContact:Web:FrameAncestors"] = frameAncestor,
            ["RichContact:Sandbox:Url"] = $"http://127.0.0.1:{FreePort.Next()}",
            // Tests start their own conversations; generated ones would only add noise.
            ["RichContact:Sandbox:Traffic:Enabled"] = "false",
        };
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _port));
    }

    public string DataDirectory => _data.Path;

    /// <summary>Configuration the app starts with; a test may change it before the server starts.</summary>
    public IDictionary<string, string?> Settings => _settings;

    /// <summary>Replaces services after the app registered its own (before the server starts).</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    /// <summary>Every line the app logs at its configured levels (what an operator's console shows).</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    public Uri BaseUrl => new($"http://127.0.0.1:{_port}/");

    public CrispSandbox Sandbox => Services.GetRequiredService<SandboxHost>().Sandbox;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A website installs the plugin while the app runs; returns its id once the engine's RTM socket listens to it.</summary>
    public async Task<string> InstallWebsiteAsync(string name, string domain) => (await InstallAsync(name, domain)).WebsiteId;

    /// <summary>As <see cref="InstallWebsiteAsync"/>, with the token Crisp's settings page URL carries.</summary>
    public async Task<RichContact.Sandbox.SubscribedWebsite> InstallAsync(string name, string domain)
    {
        var website = await Sandbox.Control.SubscribeWebsiteAsync(new() { Name = name, Domain = domain });
        await Eventually.TrueAsync(async () => Get<SubscribedWebsites>().Contains(website.WebsiteId)
            && (await Sandbox.Control.SocketsAsync()).Any(s => s.Websites.Contains(website.WebsiteId)), "the engine listening to the new website");
        return website;
    }

    /// <summary>
    /// Waits until the engine hears Crisp. A conversation the sandbox starts before that is never
    /// heard: a fresh data directory has no last event to catch up from.
    /// </summary>
    public Task WaitForCrispAsync() =>
        Eventually.TrueAsync(() => Get<CrispConnectionStatus>().State == CrispConnectionState.Connected, "the engine to connect to Crisp", TimeSpan.FromSeconds(30));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (TestServices is { } replace)
            builder.ConfigureTestServices(replace);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsData)
            _data.Dispose();
    }
}
