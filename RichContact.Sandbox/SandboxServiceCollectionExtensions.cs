using Microsoft.Extensions.Options;

namespace RichContact.Sandbox;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="SandboxOptions"/> bound from <see cref="SandboxOptions.Section"/>, validated at start.
    /// The binder adds configured list items to an initialised list, so the demo websites are cleared
    /// before binding and put back only when none is configured: configured websites replace them.
    /// </summary>
    public static IServiceCollection AddSandboxOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SandboxOptions>()
            .Configure(options => options.Websites = [])
            .Bind(configuration.GetSection(SandboxOptions.Section))
            .PostConfigure(options =>
            {
                if (options.Websites.Count == 0)
                    options.Websites = SandboxOptions.DefaultWebsites();
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidator>();
        return services;
    }
}
