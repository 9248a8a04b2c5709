using Microsoft.Extensions.Options;
using RichContact.Testing;

namespace RichContact.Engine.Tests;

public class OptionsValidationTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData("RichContact:Crisp:Identifier", "abc", "RichContact:Crisp:Key is required")]
    [InlineData("RichContact:Crisp:Key", "secret", "RichContact:Crisp:Identifier is required")]
    [InlineData("RichContact:Crisp:ApiUrl", "not a url", "RichContact:Crisp:ApiUrl must be an absolute http(s) URL")]
    [InlineData("RichContact:CollectionWindowSeconds", "-1", "RichContact:CollectionWindowSeconds must be between 0 and 60")]
    [InlineData("RichContact:Crisp:DailyRequestBudget", "0", "RichContact:Crisp:DailyRequestBudget must be at least 1")]
    [InlineData("RichContact:Crisp:CatchUpMaxGapMinutes", "0", "RichContact:Crisp:CatchUpMaxGapMinutes must be more than 0")]
    [InlineData("RichContact:ActivityRetentionDays", "0", "RichContact:ActivityRetentionDays must be between 1 and 3650")]
    [InlineData("RichContact:ActivityRetentionDays", "3651", "RichContact:ActivityRetentionDays must be between 1 and 3650")]
    [InlineData("RichContact:Crisp:UnauthorizedRetryMinutes", "0", "RichContact:Crisp:UnauthorizedRetryMinutes must be between 0.01 and 1440")]
    [InlineData("RichContact:Crisp:Events", "hooks", "RichContact:Crisp:HookSecret is required when RichContact:Crisp:Events is hooks")]
    public async Task Invalid_configuration_stops_start_up_with_a_message_naming_the_key(string key, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            EngineHost.StartAsync(_data.Path, new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task Defaults_need_no_configuration_and_mean_sandbox_mode()
    {
        await using var engine = await EngineHost.StartAsync(_data.Path);

        var options = engine.Get<IOptions<RichContactOptions>>().Value;
        Assert.Equal("https://api.crisp.chat/v1/", options.Crisp.ApiUrl);
        Assert.Equal(2, options.CollectionWindowSeconds);
        Assert.Equal(5000, options.Crisp.DailyRequestBudget);
        Assert.Equal(180, options.ActivityRetentionDays);
        Assert.False(options.Crisp.HasCredentials);
    }
}
