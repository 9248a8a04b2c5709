using System.Diagnostics.Metrics;
using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Settings;
using RichContact.Testing;

namespace RichContact.Engine.Tests.EndToEnd;

/// <summary>A website's exclusion list: the staff, test numbers and spam that never get a contact.</summary>
public class ExcludedConversationsTests : EngineEndToEndTest
{
    private MetricsRecorder _metrics = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _metrics = new MetricsRecorder(Engine.Get<IMeterFactory>());
    }

    public override async Task DisposeAsync()
    {
        _metrics.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>Saved as the owner types them: the store normalises them the way dedup reads a conversation.</summary>
    private async Task ExcludeAsync(params string[] lines)
    {
        var result = await SaveWebsiteSettingsAsync(s => s with { Exclusions = lines });
        Assert.True(result.IsValid);
    }

    private Task<SettingsValidation> SaveWebsiteSettingsAsync(Func<WebsiteSettings, WebsiteSettings> change) =>
        Engine.Get<WebsiteSettingsStore>().SaveAsync(change(WebsiteSettings.DefaultsFor(WebsiteId)));

    [Fact]
    public async Task Number_under_an_excluded_prefix_is_skipped_as_excluded_with_no_search_and_no_create()
    {
        await ExcludeAsync("00351 91-000");
        await Sandbox.Control.ResetRequestsAsync();

        var outcome = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 910 001 234", nickname: "Test Phone"));

        Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.Excluded), (outcome.Outcome, outcome.Reason));
        // The details came with the conversation's events: not even the meta was read.
        Assert.Equal(0, outcome.RestCalls);
        var requests = await Sandbox.Control.RequestsAsync();
        Assert.Equal(0, requests.Count("GET", PreviewOnlyTests.SearchRoute) + requests.Count("POST", PreviewOnlyTests.CreateRoute));
        Assert.Empty(await ProfilesAsync());
    }

    [Fact]
    public async Task Excluded_email_domain_wins_over_every_other_rule_and_other_visitors_still_get_contacts()
    {
        await ExcludeAsync("@ourcompany.com", "spam@example.com");

        var staff = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 912 000 401", email: "Joana@OurCompany.com"));
        var spam = await Activity.OutcomeAsync(await StartConversationAsync("telegram", phone: "+351 912 000 402", email: "spam@example.com"));
        var customer = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 912 000 403", nickname: "Carla"));

        Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.Excluded), (staff.Outcome, staff.Reason));
        Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.Excluded), (spam.Outcome, spam.Reason));
        Assert.Equal(ActivityOutcome.Created, customer.Outcome);
        Assert.Equal([customer.PeopleId], (await ProfilesAsync()).Select(p => p["people_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task National_number_excluded_in_the_default_country_is_skipped_after_reading_the_meta_only()
    {
        await SaveWebsiteSettingsAsync(s => s with { DefaultCountry = "PT", Exclusions = ["912 000 404"] });
        await Sandbox.Control.ResetRequestsAsync();

        var outcome = await Activity.OutcomeAsync(await StartConversationAsync("telegram", phone: "912 000 404", nickname: "Desk"));

        Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.Excluded), (outcome.Outcome, outcome.Reason));
        // A national number sends the job to the meta for the conversation's country; nothing more.
        Assert.Equal(1, outcome.RestCalls);
        Assert.Empty(await ProfilesAsync());
    }

    [Fact]
    public async Task Excluded_conversation_is_counted_in_the_metrics_under_its_reason()
    {
        await ExcludeAsync("+351 912 000 405");

        await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351912000405", nickname: "Staff"));

        var counted = Assert.Single(_metrics.Of("richcontact.outcomes"));
        Assert.Equal(("skipped", "excluded"), (counted.Labels["outcome"], counted.Labels["reason"]));
    }

    [Fact]
    public async Task Exclusion_list_never_reaches_the_log()
    {
        await ExcludeAsync("+351 912 000 406", "secret.person@example.com", "@hidden-domain.example");

        await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351912000406", nickname: "Staff"));

        Assert.DoesNotContain(Logs.Lines, line => line.Contains("912000406") || line.Contains("secret.person") || line.Contains("hidden-domain"));
    }

    [Fact]
    public async Task Exclusions_and_default_country_are_stored_and_still_apply_after_a_restart()
    {
        await SaveWebsiteSettingsAsync(s => s with { DefaultCountry = "pt", Exclusions = ["912 000 407", "@ourcompany.com"] });

        _metrics.Dispose();
        await StopEngineAsync();
        await StartEngineAsync();
        _metrics = new MetricsRecorder(Engine.Get<IMeterFactory>());
        var stored = await Engine.Get<WebsiteSettingsStore>().GetAsync(WebsiteId);
        var outcome = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351912000407", nickname: "Desk"));

        Assert.Equal("PT", stored.DefaultCountry);
        Assert.Equal(["+351912000407", "@ourcompany.com"], stored.Exclusions);
        Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.Excluded), (outcome.Outcome, outcome.Reason));
    }
}
