using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RichContact.Web.Sandbox;

namespace RichContact.Web.Tests.Sandbox;

public class SandboxModeTests
{
    private static SandboxMode ModeFor(string? identifier, string? key)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RichContact:Crisp:Identifier"] = identifier,
            ["RichContact:Crisp:Key"] = key,
        }).Build();
        return new ServiceCollection().AddSandboxMode(configuration).BuildServiceProvider().GetRequiredService<SandboxMode>();
    }

    [Fact]
    public void No_plugin_token_at_all_runs_the_sandbox() => Assert.True(ModeFor(null, " ").Enabled);

    [Theory]
    [InlineData("6b0a9f2e-1c4d-4e8a-9b3f-5d7e2a1c0f01", null)]
    [InlineData(null, "a-key")]
    [InlineData("6b0a9f2e-1c4d-4e8a-9b3f-5d7e2a1c0f01", "a-key")]
    public void Half_or_whole_plugin_token_never_falls_back_to_the_sandbox(string? identifier, string? key) =>
        // Half a token is left to the options validator, which stops the app naming the missing half.
        Assert.False(ModeFor(identifier, key).Enabled);
}
