using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RichContact.Testing;

/// <summary>
/// A loopback HTTP server whose answers the test scripts and which records every request: a stand-in for
/// Crisp's REST API (the REST client's own behaviour), for a web-hook receiver or for an OTLP collector.
/// </summary>
public sealed class StubHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    // Completed, and replaced, at each request: a waiter re-checks what it waits for then, never on a timer.
    private TaskCompletionSource _arrival = NewArrival();
    private int _taken;

    /// <summary>Answers for the next requests, in order; once empty, <see cref="Otherwise"/> answers.</summary>
    public ConcurrentQueue<Func<HttpContext, Task>> Answers { get; } = new();

    /// <summary>The answer when <see cref="Answers"/> is empty: by default Crisp's empty success envelope.</summary>
    public Func<HttpContext, Task> Otherwise { get; set; } = Json(200, """{"error":false,"reason":"resolved","data":{}}""");

    /// <summary>Every request received, in arrival order.</summary>
    public ConcurrentQueue<StubRequest> Requests { get; } = new();

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234</c>, with no path.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Crisp's REST API root on this server (<see cref="BaseUrl"/> + <c>/v1/</c>), for the REST client's tests.</summary>
    public string Url => BaseUrl + "/v1/";

    private StubHttpServer(WebApplication app) => _app = app;

    public static async Task<StubHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new StubHttpServer(app);
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            // Recorded before it is answered: a test that waits for the request may script the next answer.
            stub.Record(new StubRequest(context.Request.Method, context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)) { Body = body.ToArray() });
            await (stub.Answers.TryDequeue(out var answer) ? answer : stub.Otherwise)(context);
        });
        await app.StartAsync();
        stub.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return stub;
    }

    public static Func<HttpContext, Task> Json(int status, string body, Action<HttpResponse>? headers = null) => async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        headers?.Invoke(context.Response);
        await context.Response.WriteAsync(body);
    };

    public static Func<HttpContext, Task> Status(int status) => context =>
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    };

    /// <summary>Waits until <paramref name="condition"/> holds on the requests received so far; fails the test naming what never happened.</summary>
    public async Task UntilAsync(Func<IReadOnlyCollection<StubRequest>, bool> condition, string what, TimeSpan? timeout = null) =>
        Assert.True(await HoldsWithinAsync(condition, timeout ?? Eventually.DefaultTimeout), "Timed out waiting for " + what);

    /// <summary>The first request no earlier call returned, once it has arrived; fails the test if none arrives in time.</summary>
    public async Task<StubRequest> NextAsync(TimeSpan? timeout = null) =>
        await TryNextAsync(timeout ?? Eventually.DefaultTimeout)
        ?? throw new Xunit.Sdk.XunitException($"No request arrived within {timeout ?? Eventually.DefaultTimeout}");

    /// <summary>Like <see cref="NextAsync"/>, but null when none arrives within <paramref name="timeout"/>: for "nothing more comes".</summary>
    public async Task<StubRequest?> TryNextAsync(TimeSpan timeout)
    {
        var taken = _taken;
        if (!await HoldsWithinAsync(requests => requests.Count > taken, timeout))
            return null;
        _taken++;
        return Requests.ElementAt(taken);
    }

    private void Record(StubRequest request)
    {
        TaskCompletionSource arrival;
        lock (_gate)
        {
            Requests.Enqueue(request);
            arrival = _arrival;
            _arrival = NewArrival();
        }
        arrival.SetResult();
    }

    private async Task<bool> HoldsWithinAsync(Func<IReadOnlyCollection<StubRequest>, bool> condition, TimeSpan timeout)
    {
        using var expiry = new CancellationTokenSource(timeout);
        while (true)
        {
            Task arrival;
            // Taken before the check: a request recorded between the check and the wait completes it.
            lock (_gate)
                arrival = _arrival.Task;
            if (condition(Requests))
                return true;
            try
            {
                await arrival.WaitAsync(expiry.Token);
            }
            catch (OperationCanceledException)
            {
                return condition(Requests);
            }
        }
    }

    private static TaskCompletionSource NewArrival() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
