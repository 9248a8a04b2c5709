using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace RichContact.Sandbox.Tests;

public sealed class PhonelessIdentityOptionsTests
{
    [Fact]
    public void The_reading_binds_from_configuration_and_a_misspelt_reading_stops_the_sandbox()
    {
        var options = SandboxOptionsBinding.Bind(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RichContact:Sandbox:PhonelessIdentity"] = "stable-user-id",
        }).Build());
        Assert.Equal(PhonelessIdentityReadings.StableUserId, options.PhonelessIdentity);
        Assert.Equal(PhonelessIdentityReadings.ConversationOnly, new SandboxOptions().PhonelessIdentity);

        var error = Assert.Throws<OptionsValidationException>(() => SandboxOptionsBinding.Bind(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["RichContact:Sandbox:PhonelessIdentity"] = "stable" }).Build()));
        Assert.Contains("RichContact:Sandbox:PhonelessIdentity", error.Message);
    }
}
