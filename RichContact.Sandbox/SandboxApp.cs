using RichContact.Sandbox.Control;
using RichContact.Sandbox.Conversations;
using RichContact.Sandbox.Events;
using RichContact.Sandbox.Hooks;
using RichContact.Sandbox.Rest;
using RichContact.Sandbox.Rtm;
using RichContact.Sandbox.State;

namespace RichContact.Sandbox;

/// <summary>Composes the sandbox web app: Crisp's REST API, its RTM socket, web hooks and the control API.</summary>
internal static class SandboxApp
{
    /// <summary>The second listener, where the RTM endpoint goes when it moves (<see cref="RtmRelays"/>).</summary>
    private const string RelayUrl = "http://127.0.0.1:0";

    public static WebApplication Build(SandboxOptions options, string url, bool consoleLogging)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SandboxApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Hosted inside the web app, the builder would read the web app's appsettings and environment
        // (Kestrel endpoints among them); the sandbox takes its settings from SandboxOptions only.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseUrls(url, RelayUrl);
        builder.Logging.ClearProviders();
        if (consoleLogging)
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information)
                .AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(3));
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = SandboxJson.Options.PropertyNamingPolicy;
            o.SerializerOptions.DefaultIgnoreCondition = SandboxJson.Options.DefaultIgnoreCondition;
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<SandboxState>();
        builder.Services.AddSingleton<RtmHub>();
        builder.Services.AddSingleton<RtmRelays>();
        builder.Services.AddSingleton<HookDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HookDispatcher>());
        builder.Services.AddSingleton<EventBus>();
        builder.Services.AddSingleton<ConversationStarter>();
        builder.Services.AddSingleton(sp => new SandboxTraffic(sp.GetRequiredService<ConversationStarter>(), sp.GetRequiredService<SandboxState>(), sp.GetRequiredService<ILogger<SandboxTraffic>>()));

        var app = builder.Build();
        app.UseWebSockets();
        app.Use(RelayServesRtmOnly);
        app.UseRouting();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/v1"), v1 => v1.UseMiddleware<CrispApiGate>());
        app.UseWhen(c => c.Request.Path.StartsWithSegments(ControlRoutes.Prefix), control => control.Use(ControlRoutes.LoopbackOnly));
        app.MapGet("/", (RtmRelays relays) => "Rich Contact sandbox: a local Crisp. REST under /v1/, RTM at " + RtmRelays.PathOf(relays.Current) + ", control under /_sandbox/.");
        app.MapCrispRest();
        app.MapRtm();
        app.MapControl();
        return app;
    }

    /// <summary>Like a Crisp relay host, the relay port serves sockets, not the REST or control API.</summary>
    private static Task RelayServesRtmOnly(HttpContext context, Func<Task> next)
    {
        var relays = context.RequestServices.GetRequiredService<RtmRelays>();
        if (context.Connection.LocalPort != relays.RelayPort || context.Request.Path.StartsWithSegments("/p"))
            return next();
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
