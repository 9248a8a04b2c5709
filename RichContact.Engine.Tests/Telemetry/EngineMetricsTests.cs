using System.Diagnostics.Metrics;
using RichContact.Engine.Activity;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Telemetry;

/// <summary>The engine's instruments as an exporter reads them, while the engine talks to the sandbox.</summary>
public class EngineMetricsTests : EngineEndToEndTest
{
    // Long enough to see a conversation wait in its window; a conversation with everything closes it at once.
    protected override double CollectionWindowSeconds => 5;

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

    private double Gauge(string instrument, string? stage = null) =>
        _metrics.Gauges().Single(m => m.Instrument == instrument && (stage is null || m.Labels["stage"] == stage)).Value;

    [Fact]
    public async Task A_created_contact_counts_its_outcome_its_latency_and_its_crisp_calls_by_route_template()
    {
        var session = await StartConversationAsync("whatsapp", phone: "+55 (11) 98765-4321", nickname: "Ana Souza");
        var outcome = await Activity.OutcomeAsync(session);
        Assert.Equal(ActivityOutcome.Created, outcome.Outcome);

        var counted = Assert.Single(_metrics.Of("richcontact.outcomes"));
        Assert.Equal(1, counted.Value);
        Assert.Equal(new Dictionary<string, string?> { ["website_id"] = WebsiteId, ["channel"] = "whatsapp", ["outcome"] = "created", ["reason"] = "none" },
            counted.Labels);
        var latency = Assert.Single(_metrics.Of("richcontact.contact.latency"));
        Assert.Equal(outcome.ElapsedMs!.Value / 1000.0, latency.Value);
        Assert.Equal(new Dictionary<string, string?> { ["channel"] = "whatsapp", ["outcome"] = "created" }, latency.Labels);

        var contactCalls = _metrics.Of("richcontact.crisp.requests").Where(m => m.Labels["route"]!.StartsWith("website/")).ToList();
        Assert.Equal(
            [("website/{website_id}/people/profiles/{page}", "GET", "200"), ("website/{website_id}/people/profile", "POST", "200"),
             ("website/{website_id}/people/subscription/{people_id}", "PATCH", "200")],
            contactCalls.Select(m => (m.Labels["route"], m.Labels["method"], m.Labels["status"])));
        Assert.Equal(outcome.RestCalls, contactCalls.Count);

        var connected = Assert.Single(_metrics.Gauges(), m => m.Instrument == "richcontact.rtm.connected");
        Assert.Equal((1.0, "rtm"), (connected.Value, connected.Labels["source"]));
        var budget = Engine.Get<CrispRequestBudget>();
        Assert.Equal(budget.Limit - budget.Used, Gauge("richcontact.crisp.budget.remaining"));
        Assert.Equal(0, Gauge("richcontact.conversations.held"));

        // Ids of nothing personal: not the phone, the name, the session or the contact.
        Assert.All(_metrics.All.SelectMany(m => m.Labels.Values), label =>
        {
            Assert.DoesNotContain("98765", label);
            Assert.DoesNotContain("Souza", label);
            Assert.NotEqual(session, label);
            Assert.NotEqual(outcome.PeopleId, label);
        });
    }

    [Fact]
    public async Task A_conversation_counts_as_waiting_in_its_window_until_its_outcome()
    {
        Assert.Equal(0, Gauge("richcontact.conversations.waiting", "window"));

        // No name: the window cannot close early.
        var session = await StartConversationAsync("telegram", phone: "+351 912 345 678");
        await Eventually.TrueAsync(() => Gauge("richcontact.conversations.waiting", "window") == 1, "the conversation in its window");
        await Activity.OutcomeAsync(session);
        await Eventually.TrueAsync(() => Gauge("richcontact.conversations.waiting", "window") == 0
            && Gauge("richcontact.conversations.waiting", "queued") == 0, "no conversation left waiting");
    }

    [Fact]
    public async Task A_skipped_conversation_counts_under_its_reason_code()
    {
        await SaveSettingsAsync(s => s with { Enabled = false });

        var session = await StartConversationAsync("instagram", phone: "+351 912 345 678", nickname: "Rui");
        await Activity.OutcomeAsync(session);

        var counted = Assert.Single(_metrics.Of("richcontact.outcomes"));
        Assert.Equal(("instagram", "skipped", "disabled"), (counted.Labels["channel"], counted.Labels["outcome"], counted.Labels["reason"]));
    }
}
