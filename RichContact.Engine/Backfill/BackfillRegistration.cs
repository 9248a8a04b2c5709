using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace RichContact.Engine.Backfill;

/// <summary>Registers "create contacts for past conversations".</summary>
internal static class BackfillRegistration
{
    public static IServiceCollection AddBackfill(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BackfillOptions>().Bind(configuration.GetSection(BackfillOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BackfillOptions>, BackfillOptionsValidator>();
        services.TryAddSingleton(new BackfillTimings());
        services.AddSingleton<BackfillStore>();
        services.AddSingleton<BackfillAllowance>();
        services.AddSingleton<BackfillProgress>();
        services.AddSingleton<BackfillEstimates>();
        services.AddTransient<BackfillLister>();
        services.AddTransient<BackfillRuns>();
        services.AddTransient<BackfillJob>();
        services.AddSingleton<BackfillResumer>();
        services.AddHostedService(sp => sp.GetRequiredService<BackfillResumer>());
        return services;
    }
}

internal sealed class BackfillOptionsValidator : IValidateOptions<BackfillOptions>
{
    public ValidateOptionsResult Validate(string? name, BackfillOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail($"{BackfillOptions.Section}: {problem}.") : ValidateOptionsResult.Success;
}
