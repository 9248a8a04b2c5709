using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace RichContact.Engine;

/// <summary>The one way an options class is registered, in the engine and in the web app.</summary>
public static class OptionsRegistration
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> from <paramref name="section"/> and validates it with
    /// <typeparamref name="TValidator"/> when the host starts: a wrong setting stops the app at once
    /// rather than when the code that reads it first runs. Tests change a setting the same way an
    /// operator does, through configuration.
    /// </summary>
    public static IServiceCollection AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services;
    }

    /// <summary>Fails the start, like a validator, while the configuration still sets a key that moved (<see cref="MovedSettings"/>).</summary>
    public static IServiceCollection AddMovedSettingsCheck(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MovedSettings>().Configure(moved => moved.StillSet = MovedSettings.In(configuration).StillSet).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MovedSettings>, MovedSettingsValidator>());
        return services;
    }
}
