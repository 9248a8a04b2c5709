using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
        builder.WebHost.UseUrls(url);
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
        builder.Services.AddSingleton<HookDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HookDispatcher>());
        builder.Services.AddSingleton<EventBus>();
        builder.Services.AddSingleton<ConversationStarter>();
        builder.Services.AddSingleton(sp => new SandboxTraffic(sp.GetRequiredService<ConversationStarter>(), sp.GetRequiredService<SandboxState>(), sp.GetRequiredService<ILogger<SandboxTraffic>>()));

        var app = builder.Build();
        app.UseWebSockets();
        app.UseRouting();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/v1"), v1 => v1.UseMiddleware<CrispApiGate>());
        app.UseWhen(c => c.Request.Path.StartsWithSegments(ControlRoutes.Prefix), control => control.Use(ControlRoutes.LoopbackOnly));
        app.MapGet("/", () => "Rich Contact sandbox: a local Crisp. REST under /v1/, RTM at " + RtmEndpoint.Path + ", control under /_sandbox/.");
        app.MapCrispRest();
        app.MapRtm();
        app.MapControl();
        return app;
    }
}
