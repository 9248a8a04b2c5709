using MudBlazor.Services;
using RichContact.Engine;
using RichContact.Web.Auth;
using RichContact.Web.Metrics;
using RichContact.Web.Sandbox;
using RichContact.Web.Security;

namespace RichContact.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>The web app: Blazor with MudBlazor on top of the engine, the admin login, the framing policy and the metrics' export.</summary>
    public static IServiceCollection AddRichContactWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSandboxMode(configuration); // before the engine: see AddSandboxMode
        services.AddRichContactEngine(configuration);

        services.AddValidatedOptions<WebOptions, WebOptionsValidator>(configuration, WebOptions.Section);
        services.AddTrustedProxies();
        services.AddAdminAuthentication(configuration);
        services.AddSettingsPageRateLimit();
        services.AddRichContactMetrics(configuration);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }
}
