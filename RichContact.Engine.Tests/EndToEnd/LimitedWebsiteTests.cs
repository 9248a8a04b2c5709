using System.Diagnostics.Metrics;
using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Nodes;
using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Engine.Tests.EndToEnd;

/// <summary>
/// Crisp refuses new people profiles on a website (its plan's contacts limit, a suspended website), under
/// each reading of what it answers (<see cref="PeopleLimitReadings"/>): creates stop there, conversations
/// meanwhile cost no call, one create is tried per retry interval or after a settings save, and the first
/// that goes through lifts the limit.
/// </summary>
public class LimitedWebsiteTests : EngineEndToEndTest
{
    internal const string CreateRoute = "/v1/website/{website_id}/people/profile";

    /// <summary>The retry interval, shortened only where a test says so (<see cref="RetrySecondsAsync"/>).</summary>
    private string _retrySeconds = "3600";

    public static TheoryData<string> Readings => new(PeopleLimitReadings.Refusing);

    protected override IDictionary<string, string?> EngineSettings => new Dictionary<string, string?>
    {
        ["RichContact:ContactJobs:LimitRetrySeconds"] = _retrySeconds,
    };

    /// <summary>Restarts the engine with another retry interval (the option is read at start).</summary>
    private async Task RetrySecondsAsync(double seconds)
    {
        await StopEngineAsync();
        _retrySeconds = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await StartEngineAsync();
    }

    private Task<IReadOnlyList<WebsiteLimit>> LimitsAsync() => Engine.Get<ContactsLimit>().AllAsync();

    private async Task<long> CreatesAsync() => (await Sandbox.Control.RequestsAsync()).Count("POST", CreateRoute);

    private static string ReasonCode(string reading) =>
        PeopleLimitReadings.Answer(reading) is var (status, reason) ? $"crisp_{status}_{reason}" : throw new ArgumentException(reading);

    [Theory]
    [MemberData(nameof(Readings))]
    public async Task Refused_create_stops_creates_on_the_website_without_a_call_until_a_settings_save_lets_one_through(string reading)
    {
        using var metrics = new MetricsRecorder(Engine.Get<IMeterFactory>());
        double Limited() => metrics.Gauges().Single(m => m.Instrument == "richcontact.websites.contacts_limited").Value;
        Assert.Equal(0, Limited());
        await Sandbox.Control.SetPeopleLimitAsync(WebsiteId, reading);
        await Sandbox.Control.ResetRequestsAsync();

        var refused = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 912 000 601", nickname: "Ana"));

        Assert.Equal((ActivityOutcome.Failed, ReasonCodes.ContactsLimit), (refused.Outcome, refused.Reason));
        var limit = Assert.Single(await LimitsAsync());
        Assert.Equal((WebsiteId, ReasonCode(reading)), (limit.WebsiteId, limit.Reason));
        Assert.Equal(1, Limited());
        Assert.Empty(await ProfilesAsync());

        // Meanwhile: recorded with the reason, and not a single call.
        var meanwhile = await Activity.OutcomeAsync(await StartConversationAsync("telegram", phone: "+351 912 000 602", nickname: "Bea"));
        Assert.Equal((ActivityOutcome.Failed, ReasonCodes.ContactsLimit, 0), (meanwhile.Outcome, meanwhile.Reason, meanwhile.RestCalls));

        // The plan is raised in Crisp: nothing tries before the hour...
        await Sandbox.Control.SetPeopleLimitAsync(WebsiteId, PeopleLimitReadings.None);
        var beforeTheHour = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 912 000 603", nickname: "Caio"));
        Assert.Equal((ActivityOutcome.Failed, ReasonCodes.ContactsLimit, 0), (beforeTheHour.Outcome, beforeTheHour.Reason, beforeTheHour.RestCalls));
        Assert.Equal(1, await CreatesAsync());

        // ...unless the owner saves the website's settings: the next conversation tries, goes through, and lifts the limit.
        await SaveSettingsAsync(s => s);
        var afterSave = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 912 000 604", nickname: "Dina"));
        Assert.Equal(ActivityOutcome.Created, afterSave.Outcome);
        Assert.Empty(await LimitsAsync());
        Assert.Equal(0, Limited());
        Assert.Equal(2, await CreatesAsync());

        // The conversations refused meanwhile are what the past-conversations page offers.
        var offered = await Engine.Get<ActivityQueries>().RefusedByLimitAsync(WebsiteId);
        Assert.Equal(3, offered!.Count);
        Assert.Contains(Logs.Lines, l => l.Contains($"Crisp refused a new contact on website {WebsiteId} ({ReasonCode(reading)})"));
    }

    [Theory]
    [MemberData(nameof(Readings))]
    public async Task While_limited_one_create_is_tried_per_retry_interval_and_the_first_that_goes_through_lifts_the_limit(string reading)
    {
        await RetrySecondsAsync(2);
        await Sandbox.Control.SetPeopleLimitAsync(WebsiteId, reading);
        await Sandbox.Control.ResetRequestsAsync();

        var first = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 912 000 611", nickname: "Ana"));
        Assert.Equal((ActivityOutcome.Failed, ReasonCodes.ContactsLimit), (first.Outcome, first.Reason));
        var limit = Assert.Single(await LimitsAsync());

        // Due again: the next conversation tries one create, still refused, and the attempt after moves on.
        await Eventually.TrueAsync(() => DateTimeOffset.UtcNow >= limit.NextAttemptAt, "the next attempt to be due");
        var second = await Activity.OutcomeAsync(await StartConversationAsync("telegram", phone: "+351 912 000 612", nickname: "Bea"));
        Assert.Equal((ActivityOutcome.Failed, ReasonCodes.ContactsLimit), (second.Outcome, second.Reason));
        Assert.Equal(2, await CreatesAsync());
        var renewed = Assert.Single(await LimitsAsync());
        Assert.True(renewed.NextAttemptAt > limit.NextAttemptAt);
        Assert.Equal(limit.Since, renewed.Since);

        // The limit lifts in Crisp: the next attempt goes through.
        await Sandbox.Control.SetPeopleLimitAsync(WebsiteId, PeopleLimitReadings.None);
        await Eventually.TrueAsync(() => DateTimeOffset.UtcNow >= renewed.NextAttemptAt, "the next attempt to be due");
        var third = await Activity.OutcomeAsync(await StartConversationAsync("whatsapp", phone: "+351 912 000 613", nickname: "Caio"));
        Assert.Equal(ActivityOutcome.Created, third.Outcome);
        Assert.Equal(3, await CreatesAsync());
        Assert.Empty(await LimitsAsync());
        Assert.Single(await ProfilesAsync());
    }
}
