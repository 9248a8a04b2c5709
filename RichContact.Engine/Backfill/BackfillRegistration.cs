using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RichContact.Engine.Backfill;

/// <summary>Registers "create contacts for past conversations".</summary>
internal static class BackfillRegistration
{
    public static IServiceCollection AddBackfill(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<BackfillOptions, BackfillOptionsValidator>(configuration, BackfillOptions.Section);
        services.AddSingleton<BackfillStore>();
        services.AddSingleton<BackfillAllowance>();
        services.AddSingleton<BackfillProgress>();
        services.AddSingleton<BackfillEstimates>();
        services.AddTransient<BackfillLister>();
        services.AddTransient<BackfillRuns>();
        services.AddTransient<BackfillJob>();
        services.AddSingleton<BackfillResumer>();
        services.AddHostedService(sp => sp.GetRequiredService<BackfillResumer>());
        services.AddHostedService<UnworkedBackfillRuns>();
        return services;
    }
}
