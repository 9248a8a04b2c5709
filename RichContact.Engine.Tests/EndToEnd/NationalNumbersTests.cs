using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;

namespace RichContact.Engine.Tests.EndToEnd;

/// <summary>A website's default country reads the numbers its visitors write without a country code.</summary>
public class NationalNumbersTests : EngineEndToEndTest
{
    [Fact]
    public async Task National_number_with_a_default_country_gets_a_contact_with_the_full_number()
    {
        await SaveSettingsAsync(s => s with { DefaultCountry = "PT" });

        var outcome = await Activity.OutcomeAsync(await StartConversationAsync("telegram", phone: "912 345 678", nickname: "Rita"));

        Assert.Equal(ActivityOutcome.Created, outcome.Outcome);
        var profile = Assert.Single(await ProfilesAsync());
        Assert.Equal("+351912345678", Phone(profile));
        Assert.Equal("351912345678@telegram.nomail", Email(profile));
    }

    [Fact]
    public async Task National_number_without_a_default_country_is_skipped_as_today()
    {
        var outcome = await Activity.OutcomeAsync(await StartConversationAsync("telegram", phone: "912 345 678", nickname: "Rita"));

        Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.NoIdentity), (outcome.Outcome, outcome.Reason));
        Assert.Empty(await ProfilesAsync());
    }

    [Fact]
    public async Task Conversations_own_country_wins_over_the_default_country()
    {
        await SaveSettingsAsync(s => s with { DefaultCountry = "PT" });

        var outcome = await Activity.OutcomeAsync(await StartConversationAsync("telegram", phone: "612 345 678", nickname: "Pablo", country: "ES"));

        Assert.Equal(ActivityOutcome.Created, outcome.Outcome);
        Assert.Equal("+34612345678", Phone(Assert.Single(await ProfilesAsync())));
    }

    [Fact]
    public async Task Same_person_written_nationally_then_internationally_gets_one_contact()
    {
        await SaveSettingsAsync(s => s with { DefaultCountry = "PT" });

        var first = await Activity.OutcomeAsync(await StartConversationAsync("telegram", phone: "912 345 679", nickname: "Rui"));
        var second = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351912345679", nickname: "Rui"));

        Assert.Equal((ActivityOutcome.Created, ActivityOutcome.Existing), (first.Outcome, second.Outcome));
        Assert.Equal(first.PeopleId, second.PeopleId);
        Assert.Single(await ProfilesAsync());
    }
}
