using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RichContact.Sandbox.Tests;

/// <summary><see cref="SandboxOptions"/> as <see cref="SandboxServiceCollectionExtensions.AddSandboxOptions"/> binds and validates them.</summary>
internal static class SandboxOptionsBinding
{
    public static SandboxOptions Bind(IConfiguration configuration) =>
        new ServiceCollection().AddSandboxOptions(configuration).BuildServiceProvider()
            .GetRequiredService<IOptions<SandboxOptions>>().Value;
}
