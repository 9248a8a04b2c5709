using RichContact.Engine;
using RichContact.Engine.Crisp;
using RichContact.Sandbox;

namespace RichContact.Web.Sandbox;

public static class SandboxModeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the in-process sandbox, which runs only in sandbox mode, and points the engine's Crisp
    /// options at it. Call before the engine registers its hosted services: hosted services start in
    /// registration order, and the sandbox must be listening before the engine connects.
    /// </summary>
    public static IServiceCollection AddSandboxMode(this IServiceCollection services, IConfiguration configuration)
    {
        // Read when first asked for, so that test hosts can still add their settings.
        services.AddSingleton(_ => new ConfiguredCrisp(configuration.GetSection(CrispOptions.Section).Get<CrispOptions>() ?? new CrispOptions()));
        services.AddValidatedOptions<SandboxModeOptions, SandboxModeOptionsValidator>(configuration, SandboxModeOptions.Section);
        services.AddSandboxOptions(configuration);
        services.AddSingleton<SandboxMode>();

        services.AddOptions<CrispOptions>().PostConfigure<SandboxMode>((options, mode) =>
        {
            if (!mode.Enabled) return;
            options.Identifier = mode.Options.Identifier;
            options.Key = mode.Options.Key;
            options.ApiUrl = mode.ApiUrl.ToString();
            // Web Hooks from the sandbox are signed with its secret (RichContact:Sandbox:HookSecret).
            options.HookSecret ??= mode.Options.HookSecret;
        });
        services.AddSingleton<SandboxHost>();
        services.AddHostedService(sp => sp.GetRequiredService<SandboxHost>());
        return services;
    }
}
