using RichContact.Engine.Tests.EndToEnd;
using RichContact.Sandbox;

namespace RichContact.Engine.Tests.Reliability;

/// <summary>More websites than the old silent limit of 100.</summary>
public class CatchUpManyWebsitesTests : EngineEndToEndTest
{
    protected override SandboxOptions? SandboxSettings => new()
    {
        Websites = Enumerable.Range(1, 101).Select(i => new SandboxWebsite { Id = $"website-{i:D3}", Token = $"token-{i:D3}", Name = $"Shop {i}" }).ToList(),
    };

    // A restart's gap lasts as long as the engine is stopped, a few seconds here: only its length's
    // allowance of websites would be listed (docs/catch-up.md). This proves the list goes past 100.
    protected override IDictionary<string, string?> EngineSettings => new Dictionary<string, string?>
    {
        ["RichContact:CatchUp:WebsitesPerGapSecond"] = "0",
    };

    [Fact]
    public async Task Catch_up_reaches_every_website_even_above_a_hundred()
    {
        await StopEngineAsync();
        var lastWebsite = Sandbox.Options.Websites[^1].Id;
        var missed = await StartConversationAsync("whatsapp", phone: "+351912345601", websiteId: lastWebsite);

        await StartEngineAsync();

        Assert.Equal(RichContact.Engine.Activity.ActivityOutcome.Created, (await Activity.OutcomeAsync(missed)).Outcome);
        Assert.Single(await ProfilesAsync(lastWebsite));
    }
}
