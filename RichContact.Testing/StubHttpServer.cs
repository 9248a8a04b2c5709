using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RichContact.Engine.Crisp.Rest;

namespace RichContact.Testing;

/// <summary>A loopback HTTP server whose answers the test scripts, for the REST client's own behaviour.</summary>
public sealed class StubHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    public ConcurrentQueue<Func<HttpContext, Task>> Answers { get; } = new();
    public ConcurrentQueue<(string Method, string Path, Dictionary<string, string> Headers)> Requests { get; } = new();
    public string Url { get; private set; } = "";

    private StubHttpServer(WebApplication app) => _app = app;

    public static async Task<StubHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new StubHttpServer(app);
        app.Run(async context =>
        {
            stub.Requests.Enqueue((context.Request.Method, context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            if (stub.Answers.TryDequeue(out var answer))
                await answer(context);
            else
                await Json(200, """{"error":false,"reason":"resolved","data":{}}""")(context);
        });
        await app.StartAsync();
        stub.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1/";
        return stub;
    }

    public static Func<HttpContext, Task> Json(int status, string body, Action<HttpResponse>? headers = null) => async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        headers?.Invoke(context.Response);
        await context.Response.WriteAsync(body);
    };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
