using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace RichContact.Sandbox.Tests.Rest;

public sealed class ConversationMessagesOptionsTests
{
    [Fact]
    public void The_reading_binds_from_configuration_defaults_to_answered_and_a_misspelt_reading_stops_the_sandbox()
    {
        var options = SandboxOptionsBinding.Bind(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RichContact:Sandbox:ConversationMessages"] = "not-found",
        }).Build());
        Assert.Equal(ConversationMessagesReadings.NotFound, options.ConversationMessages);
        Assert.Equal(ConversationMessagesReadings.Answered, new SandboxOptions().ConversationMessages);

        var error = Assert.Throws<OptionsValidationException>(() => SandboxOptionsBinding.Bind(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["RichContact:Sandbox:ConversationMessages"] = "forbidden" }).Build()));
        Assert.Contains("RichContact:Sandbox:ConversationMessages must be 'answered', 'refused' or 'not-found' (got 'forbidden')", error.Message);
    }
}
