using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using RichContact.Sandbox.Rtm;

namespace RichContact.Sandbox;

/// <summary>A local Crisp, hosted in-process on a loopback port, with a seeded plugin identity.</summary>
public sealed class CrispSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _controlHttp;

    private CrispSandbox(WebApplication app, Uri url, SandboxOptions options)
    {
        _app = app;
        Url = url;
        ApiUrl = new Uri(url, "v1/");
        Options = options;
        _controlHttp = new HttpClient { BaseAddress = url };
        Control = new SandboxControl(_controlHttp);
        Traffic = app.Services.GetRequiredService<SandboxTraffic>();
    }

    /// <summary>The bound address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; }
    /// <summary><see cref="Url"/> + <c>v1/</c>: where a Crisp REST client points.</summary>
    public Uri ApiUrl { get; }
    /// <summary>The RTM address <c>GET /v1/plugin/connect/endpoints</c> advertises now (it changes when the endpoint moves).</summary>
    public Uri RtmUrl => _app.Services.GetRequiredService<RtmRelays>().CurrentAddress(Url.Host);
    public SandboxOptions Options { get; }
    public SandboxControl Control { get; }
    public SandboxTraffic Traffic { get; }

    /// <summary>Starts the sandbox; port 0 picks a free port (see <see cref="Url"/>).</summary>
    public static Task<CrispSandbox> StartAsync(SandboxOptions? options = null, string url = "http://127.0.0.1:0", CancellationToken ct = default) =>
        StartAsync(options, url, consoleLogging: false, ct);

    public static async Task<CrispSandbox> StartAsync(SandboxOptions? options, string url, bool consoleLogging, CancellationToken ct = default)
    {
        options ??= new SandboxOptions();
        var app = SandboxApp.Build(options, url, consoleLogging);
        await app.StartAsync(ct);
        // In the order of UseUrls: the sandbox's own address, then the relay port.
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a.TrimEnd('/') + "/")).ToList();
        app.Services.GetRequiredService<RtmRelays>().Listening(addresses[0].Port, addresses[^1].Port);
        return new CrispSandbox(app, addresses[0], options);
    }

    public async ValueTask DisposeAsync()
    {
        await Traffic.StopAsync();
        _controlHttp.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
