using RichContact.Engine.Activity;

namespace RichContact.Engine.Tests.EndToEnd;

/// <summary>An existing contact for the same person stops creation, however its phone was typed.</summary>
public class DeduplicationTests : EngineEndToEndTest
{
    [Fact]
    public async Task Existing_contact_with_the_same_real_email_stops_creation()
    {
        await SaveSettingsAsync(s => s with { SkipIfEmailExists = false });
        await SeedProfileAsync("ana@example.com");

        var session = await StartConversationAsync("whatsapp", phone: "+351912345678", email: "ANA@example.com");

        var outcome = await Activity.OutcomeAsync(session);
        Assert.Equal(ActivityOutcome.Existing, outcome.Outcome);
        Assert.NotNull(outcome.PeopleId);
        Assert.Single(await ProfilesAsync());
    }

    [Theory]
    [InlineData("(11) 98765-4321")]
    [InlineData("+55 11 98765 4321")]
    [InlineData("0055 11 98765-4321")]
    [InlineData("5511987654321")]
    public async Task Existing_contact_with_the_phone_typed_in_another_format_stops_creation(string typed)
    {
        await SeedProfileAsync("ana@example.com", phone: typed);

        var session = await StartConversationAsync("whatsapp", phone: "+5511987654321");

        Assert.Equal(ActivityOutcome.Existing, (await Activity.OutcomeAsync(session)).Outcome);
        Assert.Single(await ProfilesAsync());
    }

    [Theory]
    [InlineData("+55 11 8765-4321", "+5511987654321")]   // Brazil: without the extra 9
    [InlineData("+52 55 1234 5678", "+5215512345678")]   // Mexico: without the 1
    [InlineData("+54 9 11 2345-6789", "+541123456789")]  // Argentina: with the mobile 9
    public async Task Existing_contact_with_a_national_variant_of_the_phone_stops_creation(string stored, string conversationPhone)
    {
        await SeedProfileAsync("someone@example.com", phone: stored);

        var session = await StartConversationAsync("whatsapp", phone: conversationPhone);

        Assert.Equal(ActivityOutcome.Existing, (await Activity.OutcomeAsync(session)).Outcome);
        Assert.Single(await ProfilesAsync());
    }

    [Fact]
    public async Task Placeholder_contact_of_another_channel_stops_creation()
    {
        await SeedProfileAsync("5511987654321@instagram.nomail");

        var session = await StartConversationAsync("whatsapp", phone: "+55 11 98765-4321");

        Assert.Equal(ActivityOutcome.Existing, (await Activity.OutcomeAsync(session)).Outcome);
        Assert.Single(await ProfilesAsync());
    }

    [Fact]
    public async Task Contact_with_only_the_same_last_digits_is_not_the_same_person()
    {
        await SeedProfileAsync("other@example.com", phone: "+351 913 334 321");

        var session = await StartConversationAsync("whatsapp", phone: "+351912224321");

        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(session)).Outcome);
        Assert.Equal(2, (await ProfilesAsync()).Count);
    }

    [Fact]
    public async Task Same_person_on_two_channels_at_the_same_moment_yields_one_contact()
    {
        var sessions = await Task.WhenAll(
            StartConversationAsync("whatsapp", phone: "+351912345678"),
            StartConversationAsync("telegram", phone: "351 912 345 678"),
            StartConversationAsync("instagram", phone: "+351 912 345 678"));

        var outcomes = await Task.WhenAll(sessions.Select(s => Activity.OutcomeAsync(s)));

        Assert.Single(outcomes, o => o.Outcome == ActivityOutcome.Created);
        Assert.Equal(2, outcomes.Count(o => o.Outcome == ActivityOutcome.Existing));
        var profile = Assert.Single(await ProfilesAsync());
        Assert.All(outcomes, o => Assert.Equal(profile["people_id"]!.GetValue<string>(), o.PeopleId));
    }
}
