using RichContact.Engine.Crisp;
using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Engine.Tests.EndToEnd;

public class UnauthorizedTests : EngineEndToEndTest
{
    public override async Task InitializeAsync()
    {
        Sandbox = await CrispSandbox.StartAsync();
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Wrong_plugin_key_stops_the_listener_with_a_clear_status()
    {
        await using var engine = await EngineHost.StartAsync(Data.Path, new Dictionary<string, string?>
        {
            ["RichContact:Crisp:Identifier"] = Sandbox.Options.Identifier,
            ["RichContact:Crisp:Key"] = "wrong-key",
            ["RichContact:Crisp:ApiUrl"] = Sandbox.ApiUrl.ToString(),
        });
        var status = engine.Get<CrispConnectionStatus>();

        await WaitForStateAsync(status, CrispConnectionState.Unauthorized);

        Assert.Contains("unauthorized", status.LastError);
        Assert.DoesNotContain("wrong-key", status.LastError);
    }
}
