using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Sandbox.Search;

namespace RichContact.Engine.Tests.EndToEnd;

/// <summary>
/// The same scenarios under every reading of what Crisp leaves undocumented about people search
/// (docs/crisp.md) and their combinations: one correct contact per person, never a second one.
/// </summary>
public class CrispUnknownsTests : EngineEndToEndTest
{
    /// <summary>A CRM the size of an ordinary small business's, typed by hand.</summary>
    private const int Crowd = 600;

    // The sandbox sends the visitor's details before the first message: a short window loses nothing
    // and keeps the 66 cases quick.
    protected override double CollectionWindowSeconds => 0.3;

    private sealed record Reading(SearchReading Search, int Prefilled = 0)
    {
        /// <summary>Crisp filters on <c>person.phone</c>, so a phone typed by hand on a contact can be found.</summary>
        public bool PhoneSearchable => Search.PhoneCriterion == PhoneCriteria.Supported && Search.AllowedCriteria is null;
    }

    private static readonly Dictionary<string, Reading> Readings = new()
    {
        ["supported"] = new(new SearchReading()),
        ["refused"] = new(new SearchReading { PhoneCriterion = PhoneCriteria.Refused }),
        ["ignored"] = new(new SearchReading { PhoneCriterion = PhoneCriteria.Ignored }),
        ["email_only_allowed"] = new(new SearchReading { AllowedCriteria = ["email", "segments", "person.nickname"] }),
        ["has_whole_words"] = new(new SearchReading { Has = HasMatches.Word }),
        ["index_lag"] = new(new SearchReading { IndexLagMs = 5_000 }),
        ["crowded_crm"] = new(new SearchReading(), Crowd),
        ["words_lag_crowded"] = new(new SearchReading { Has = HasMatches.Word, IndexLagMs = 5_000 }, Crowd),
        ["ignored_words_lag_crowded"] = new(new SearchReading { PhoneCriterion = PhoneCriteria.Ignored, Has = HasMatches.Word, IndexLagMs = 5_000 }, Crowd),
        ["refused_words_lag_crowded"] = new(new SearchReading { PhoneCriterion = PhoneCriteria.Refused, Has = HasMatches.Word, IndexLagMs = 5_000 }, Crowd),
    };

    public static TheoryData<string> ReadingNames => new(Readings.Keys);

    private async Task<Reading> UseAsync(string name)
    {
        var reading = Readings[name];
        await Sandbox.Control.SetSearchAsync(reading.Search);
        if (reading.Prefilled > 0)
            await Sandbox.Control.PrefillProfilesAsync(WebsiteId, reading.Prefilled);
        return reading;
    }

    [Theory]
    [MemberData(nameof(ReadingNames))]
    public async Task New_conversation_gets_one_correct_contact(string readingName)
    {
        var reading = await UseAsync(readingName);

        var session = await StartConversationAsync("whatsapp", phone: "+351 925 923 040", nickname: "Ana Silva");

        var outcome = await Activity.OutcomeAsync(session);
        Assert.Equal(ActivityOutcome.Created, outcome.Outcome);
        var profiles = await ProfilesAsync();
        Assert.Equal(reading.Prefilled + 1, profiles.Count);
        var contact = Assert.Single(profiles, p => p["people_id"]!.GetValue<string>() == outcome.PeopleId);
        Assert.Equal("351925923040@whatsapp.nomail", Email(contact));
        Assert.Equal("+351925923040", Phone(contact));
        Assert.Equal("Ana Silva", Nickname(contact));
        Assert.Contains("whatsapp", Segments(contact));
    }

    /// <summary>First channel, phone as typed there; second channel, the same phone typed another way; the conversation's country.</summary>
    private static readonly (string First, string Second, string? Country)[] SamePhoneTypedTwice =
    [
        ("+351 912 345 678", "912345678", "PT"),
        ("0034 612 34 56 78", "+34612345678", null),
        ("+55 (11) 98765-4321", "5511987654321", null),
        ("06.12.34.56.78", "+33 6 12 34 56 78", "FR"),
        ("+1 (415) 555-2671", "415-555-2671", "US"),
        ("+44 7911 123456", "07911 123456", "GB"),
    ];

    [Theory]
    [MemberData(nameof(ReadingNames))]
    public async Task Same_person_on_a_second_channel_gets_no_contact_however_the_phone_was_typed(string readingName)
    {
        var reading = await UseAsync(readingName);

        var first = await Task.WhenAll(SamePhoneTypedTwice.Select(p => StartConversationAsync("whatsapp", phone: p.First, country: p.Country)));
        var created = await Task.WhenAll(first.Select(s => Activity.OutcomeAsync(s)));
        Assert.All(created, o => Assert.Equal(ActivityOutcome.Created, o.Outcome));

        // Seconds later: under a lagging index, before Crisp's search shows the contacts just made.
        var second = await Task.WhenAll(SamePhoneTypedTwice.Select(p => StartConversationAsync("telegram", phone: p.Second, country: p.Country)));
        var outcomes = await Task.WhenAll(second.Select(s => Activity.OutcomeAsync(s)));

        for (var i = 0; i < outcomes.Length; i++)
        {
            Assert.Equal(ActivityOutcome.Existing, outcomes[i].Outcome);
            Assert.Equal(created[i].PeopleId, outcomes[i].PeopleId);
        }
        Assert.Equal(reading.Prefilled + SamePhoneTypedTwice.Length, (await ProfilesAsync()).Count);
    }

    [Theory]
    [MemberData(nameof(ReadingNames))]
    public async Task Returning_customer_on_the_same_channel_gets_no_contact(string readingName)
    {
        var reading = await UseAsync(readingName);
        var first = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+55 11 91234-5678"));

        var again = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "5511912345678"));

        Assert.Equal(ActivityOutcome.Existing, again.Outcome);
        Assert.Equal(first.PeopleId, again.PeopleId);
        Assert.Equal(reading.Prefilled + 1, (await ProfilesAsync()).Count);
    }

    [Theory]
    [MemberData(nameof(ReadingNames))]
    public async Task Returning_customer_after_a_restart_gets_no_contact(string readingName)
    {
        var reading = await UseAsync(readingName);
        var first = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+34 699 11 22 33"));
        await StopEngineAsync();
        await StartEngineAsync();

        // What the engine remembered is gone; under a lagging index the search cannot see the contact yet either.
        var again = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "699 112 233", country: "ES"));

        Assert.Equal(ActivityOutcome.Existing, again.Outcome);
        Assert.Equal(first.PeopleId, again.PeopleId);
        Assert.Equal(reading.Prefilled + 1, (await ProfilesAsync()).Count);
    }

    /// <summary>Contacts an agent typed by hand: the conversation's phone, and how the agent typed it.</summary>
    private static readonly (string Conversation, string Typed, string? Country)[] HandTyped =
    [
        ("+351913111222", "+351 913 111 222", null),
        ("+33612345678", "06 12 34 56 78", "FR"),
        ("+5511987650000", "(11) 98765-0000", "BR"),
        ("+4915123456789", "0151 23456789", "DE"),
    ];

    [Theory]
    [MemberData(nameof(ReadingNames))]
    public async Task Contact_an_agent_made_by_hand_is_found_wherever_the_reading_allows(string readingName)
    {
        var reading = await UseAsync(readingName);
        await SaveSettingsAsync(s => s with { SkipIfEmailExists = false });
        await SeedProfileAsync("rita@example.com", nickname: "Rita");
        for (var i = 0; i < HandTyped.Length; i++)
            await SeedProfileAsync($"customer{i}@example.com", phone: HandTyped[i].Typed);
        var before = (await ProfilesAsync()).Count;

        var byEmail = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 966 000 111", email: "Rita@Example.com"));
        var byPhone = await Task.WhenAll(HandTyped.Select(async h =>
            await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: h.Conversation, country: h.Country))));

        Assert.Equal(ActivityOutcome.Existing, byEmail.Outcome);
        foreach (var outcome in byPhone)
        {
            if (reading.PhoneSearchable)
                Assert.Equal(ActivityOutcome.Existing, outcome.Outcome);
            else if (outcome.Outcome == ActivityOutcome.Created)
                Assert.Equal(ReasonCodes.PhoneNotSearchable, outcome.Reason);   // said, not silent
            else
                Assert.Equal(ActivityOutcome.Existing, outcome.Outcome);
        }
        var created = byPhone.Count(o => o.Outcome == ActivityOutcome.Created);
        Assert.Equal(before + created, (await ProfilesAsync()).Count);
    }

    [Theory]
    [MemberData(nameof(ReadingNames))]
    public async Task Chat_and_email_conversations_get_nothing(string readingName)
    {
        var reading = await UseAsync(readingName);

        var chat = await StartConversationAsync("chat", phone: "+351 925 000 001", nickname: "Zé");
        var email = await StartConversationAsync("email", phone: "+351 925 000 002", email: "ze@example.com");
        // Events are handled in order: once a later channel conversation has its outcome, the two above were seen.
        var barrier = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 925 000 003"));

        Assert.Empty(Activity.For(chat));
        Assert.Empty(Activity.For(email));
        Assert.Equal(ActivityOutcome.Created, barrier.Outcome);
        Assert.Equal(reading.Prefilled + 1, (await ProfilesAsync()).Count);
    }

    [Fact]
    public async Task A_refused_phone_criterion_is_paid_once_then_searches_go_without_it()
    {
        await UseAsync("refused");
        await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 925 000 010"));
        await Sandbox.Control.ResetRequestsAsync();

        await Task.WhenAll(Enumerable.Range(11, 5).Select(async i =>
            await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: $"+351 925 000 0{i}"))));

        var requests = await Sandbox.Control.RequestsAsync();
        Assert.Equal(5, requests.Count("GET", "/v1/website/{website_id}/people/profiles/{page}"));
        Assert.Equal(PhoneSearch.Refused, Engine.Get<DedupMode>().Phone);
    }

    [Fact]
    public async Task An_ignored_phone_criterion_is_recognised_without_paging_through_the_crm()
    {
        await UseAsync("ignored_words_lag_crowded");
        await Sandbox.Control.ResetRequestsAsync();

        var outcome = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 925 000 020"));

        Assert.Equal(ActivityOutcome.Created, outcome.Outcome);
        Assert.Equal(PhoneSearch.Ignored, Engine.Get<DedupMode>().Phone);
        // One search that came back unfiltered, one with the email criterion alone.
        Assert.Equal(2, (await Sandbox.Control.RequestsAsync()).Count("GET", "/v1/website/{website_id}/people/profiles/{page}"));
    }

    [Fact]
    public async Task Without_any_search_exact_reads_still_find_the_same_email_and_this_channels_placeholder()
    {
        await Sandbox.Control.SetSearchAsync(new SearchReading { AllowedCriteria = ["segments"] });
        await SaveSettingsAsync(s => s with { SkipIfEmailExists = false });
        await SeedProfileAsync("rita@example.com");

        var byEmail = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 925 000 030", email: "rita@example.com"));
        var first = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 925 000 031"));
        // Restarted, the engine no longer remembers the contact it made: only a read by email can find it.
        await StopEngineAsync();
        await StartEngineAsync();
        var again = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "925 000 031", country: "PT"));

        Assert.Equal(ActivityOutcome.Existing, byEmail.Outcome);
        // Placeholders of other channels cannot be read without a search: said on the entry.
        Assert.Equal((ActivityOutcome.Created, ReasonCodes.DedupIncomplete), (first.Outcome, first.Reason));
        Assert.Equal((ActivityOutcome.Existing, first.PeopleId), (again.Outcome, again.PeopleId));
        Assert.False(Engine.Get<DedupMode>().EmailSearchWorks);
        Assert.Equal(2, (await ProfilesAsync()).Count);
    }

    [Fact]
    public async Task Pages_shorter_than_asked_for_are_read_to_the_end()
    {
        // Crisp serves 20 a page although 50 were asked for.
        await Sandbox.Control.SetSearchAsync(new SearchReading { MaxPerPage = 20 });

        await The_contact_behind_others_with_the_same_last_digits_is_found(others: 25);
    }

    [Fact]
    public Task Too_many_candidates_narrow_the_search_instead_of_missing_the_contact_silently() =>
        // More than a page of contacts share the last four digits.
        The_contact_behind_others_with_the_same_last_digits_is_found(others: 60);

    /// <summary>Contacts whose phones end like the visitor's, and the visitor's own contact last.</summary>
    private async Task The_contact_behind_others_with_the_same_last_digits_is_found(int others)
    {
        for (var i = 0; i < others; i++)
            await SeedProfileAsync($"same-end-{i}@example.net", phone: $"+351 91{i:00}0 4321");
        await SeedProfileAsync("the-one@example.net", phone: "+351 912 224 321");

        var outcome = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351912224321"));

        Assert.Equal(ActivityOutcome.Existing, outcome.Outcome);
        var theOne = (await ProfilesAsync()).Single(p => Email(p) == "the-one@example.net");
        Assert.Equal(theOne["people_id"]!.GetValue<string>(), outcome.PeopleId);
    }

    [Fact]
    public async Task A_crowd_even_the_narrow_search_cannot_read_is_created_and_said()
    {
        // More than four pages of contacts whose phones end in the same six digits.
        for (var i = 0; i < 220; i++)
            await SeedProfileAsync($"crowd-{i}@example.net", phone: $"+351 9{i % 3 + 1}{i:000} 224 321".Replace(" ", ""));

        var outcome = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 96 1 224 321".Replace(" ", "")));

        Assert.Equal((ActivityOutcome.Created, ReasonCodes.DedupIncomplete), (outcome.Outcome, outcome.Reason));
    }
}
