using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RichContact.Engine.Tests.Support;
using RichContact.Sandbox;
using RichContact.Web.Sandbox;
using RichContact.Web.Tests.Support;

namespace RichContact.Web.Tests.Browser;

/// <summary>
/// The real web app (Program's composition) on a real loopback port, in sandbox mode: the sandbox
/// runs in-process on its own port and the engine talks to it over HTTP and RTM.
/// </summary>
public sealed class RichContactApp : WebApplicationFactory<Program>
{
    public const string AdminPassword = "correct horse battery staple";

    private readonly TempDataDirectory _data = new();
    private readonly int _port = FreePort.Next();
    private readonly Dictionary<string, string?> _settings;

    public RichContactApp(string frameAncestor)
    {
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

    /// <summary>Every line the app logs at its configured levels (what an operator's console shows).</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    public Uri BaseUrl => new($"http://127.0.0.1:{_port}/");

    public CrispSandbox Sandbox => Services.GetRequiredService<SandboxHost>().Sandbox;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _data.Dispose();
    }
}
