using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using RichContact.Testing;

namespace RichContact.Web.Tests.Browser;

/// <summary>
/// Stands in for Crisp's dashboard: a page on another site (<c>localhost</c> vs the app's
/// <c>127.0.0.1</c>) that shows a URL in an iframe, as app.crisp.chat shows the settings page.
/// </summary>
public sealed class FrameHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FrameHost(WebApplication app, int port)
    {
        _app = app;
        Origin = $"http://localhost:{port}";
    }

    public string Origin { get; }

    public string PageFor(Uri framed) => $"{Origin}/dashboard?src={Uri.EscapeDataString(framed.ToString())}";

    public static async Task<FrameHost> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapGet("/dashboard", (string src) => Results.Content(
            $"""
            <!DOCTYPE html>
            <html><head><title>Crisp dashboard stand-in</title></head>
            <body style="margin:0;background:#eef1f5">
              <iframe id="crisp-plugin" src="{WebUtility.HtmlEncode(src)}" style="width:760px;height:960px;border:0;background:#fff"></iframe>
            </body></html>
            """, "text/html"));
        await app.StartAsync();
        return new FrameHost(app, port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
