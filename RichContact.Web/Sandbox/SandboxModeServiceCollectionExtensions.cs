using RichContact.Engine;

namespace RichContact.Web.Sandbox;

public static class SandboxModeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the in-process sandbox, which runs only in sandbox mode, and points the engine's Crisp
    /// options at it. Call before the engine registers its hosted services: hosted services start in
    /// registration order, and the sandbox must be listening before the engine connects.
    /// </summary>
    public static IServiceCollection AddSandboxMode(this IServiceCollection services)
    {
        // Resolved from the final configuration, so that test hosts can still add their settings.
        services.AddSingleton(sp => SandboxMode.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddOptions<RichContactOptions>().PostConfigure<SandboxMode>((options, mode) =>
        {
            if (!mode.Enabled) return;
            options.Crisp.Identifier = mode.Options.Identifier;
            options.Crisp.Key = mode.Options.Key;
            options.Crisp.ApiUrl = mode.ApiUrl.ToString();
            // Web Hooks from the sandbox are signed with its secret (RichContact:Sandbox:HookSecret).
            options.Crisp.HookSecret ??= mode.Options.HookSecret;
        });
        services.AddSingleton<SandboxHost>();
        services.AddHostedService(sp => sp.GetRequiredService<SandboxHost>());
        return services;
    }
}
