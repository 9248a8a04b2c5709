using RichContact.Engine.Activity;
using RichContact.Sandbox;

namespace RichContact.Engine.Tests.EndToEnd;

/// <summary>The collection window waits for late details only: a conversation that has everything gets its contact at once.</summary>
public class EarlyWindowCloseTests : EngineEndToEndTest
{
    protected override double CollectionWindowSeconds => 5;

    private const long WindowMs = 5_000;

    [Fact]
    public async Task Details_before_the_first_message_close_the_window_at_once()
    {
        var session = await StartConversationAsync("whatsapp", phone: "+351 912 000 101", nickname: "Ana Silva");

        var outcome = await Activity.OutcomeAsync(session);

        Assert.Equal(ActivityOutcome.Created, outcome.Outcome);
        Assert.InRange(outcome.ElapsedMs!.Value, 0, WindowMs - 1);
    }

    [Fact]
    public async Task A_name_that_comes_after_the_first_message_closes_the_window_when_it_arrives()
    {
        var session = await StartConversationAsync("whatsapp", phone: "+351 912 000 102", nickname: "Rui Costa",
            metaOrder: MetaOrders.After, spacingMs: 300);

        var outcome = await Activity.OutcomeAsync(session);

        Assert.Equal(ActivityOutcome.Created, outcome.Outcome);
        Assert.InRange(outcome.ElapsedMs!.Value, 300, WindowMs - 1);
        Assert.Equal("Rui Costa", Nickname(Assert.Single(await ProfilesAsync())));
    }

    [Fact]
    public async Task Without_a_name_the_window_runs_its_full_length()
    {
        var session = await StartConversationAsync("whatsapp", phone: "+351 912 000 103");

        var outcome = await Activity.OutcomeAsync(session);

        Assert.Equal(ActivityOutcome.Created, outcome.Outcome);
        Assert.True(outcome.ElapsedMs >= WindowMs, $"closed after {outcome.ElapsedMs} ms");
    }

    [Fact]
    public async Task A_website_that_enriches_with_geolocation_waits_for_the_country()
    {
        await SaveSettingsAsync(s => s with { EnrichGeolocation = true });

        var withCountry = await StartConversationAsync("whatsapp", phone: "+351 912 000 104", nickname: "Eva", country: "PT", city: "Porto");
        var withoutCountry = await StartConversationAsync("whatsapp", phone: "+351 912 000 105", nickname: "Ivo");

        Assert.InRange((await Activity.OutcomeAsync(withCountry)).ElapsedMs!.Value, 0, WindowMs - 1);
        var waited = await Activity.OutcomeAsync(withoutCountry);
        Assert.True(waited.ElapsedMs >= WindowMs, $"closed after {waited.ElapsedMs} ms");
    }
}
