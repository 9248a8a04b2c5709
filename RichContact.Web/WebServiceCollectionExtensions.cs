using MudBlazor.Services;
using RichContact.Engine;

namespace RichContact.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>The web app: Blazor with MudBlazor on top of the engine.</summary>
    public static IServiceCollection AddRichContactWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRichContactEngine(configuration);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }
}
