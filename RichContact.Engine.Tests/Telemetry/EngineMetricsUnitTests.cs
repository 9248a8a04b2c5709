using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RichContact.Engine.Activity;
using RichContact.Engine.Crisp;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Storage;
using RichContact.Engine.Telemetry;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Telemetry;

/// <summary>The engine's instruments without a running engine: the labels they carry and how many.</summary>
public sealed class EngineMetricsUnitTests : IAsyncLifetime
{
    private const string Website = "8c842203-7ed8-4e29-a608-7cf78a7d2fcc";
    private const string Session = "session_2c4e7b1a-9d3f-4f5e-8a6b-1c2d3e4f5a6b";
    private const string People = "d2f6a8c0-1b3d-4e5f-9a7b-6c8d0e2f4a6b";
    private const string Email = "maria.souza@example.com";

    private readonly TempDataDirectory _data = new();
    private StubHttpServer _stub = null!;
    private ServiceProvider _services = null!;
    private MetricsRecorder _metrics = null!;

    public async Task InitializeAsync()
    {
        _stub = await StubHttpServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RichContact:DataDirectory"] = _data.Path,
            ["RichContact:Crisp:Identifier"] = "plugin-id",
            ["RichContact:Crisp:Key"] = "plugin-key",
            ["RichContact:Crisp:ApiUrl"] = _stub.Url,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddOptions<DataDirectoryOptions>().Bind(configuration.GetSection(DataDirectoryOptions.Section));
        services.AddSingleton<ActivityStream>();
        services.AddSingleton<CrispConnectionStatus>();
        services.AddCrisp(configuration);
        services.AddEngineMetrics();
        _services = services.BuildServiceProvider();
        _services.GetRequiredService<EngineMetrics>();
        _metrics = new MetricsRecorder(_services.GetRequiredService<IMeterFactory>());
    }

    public async Task DisposeAsync()
    {
        _metrics.Dispose();
        await _services.DisposeAsync();
        await _stub.DisposeAsync();
        _data.Dispose();
    }

    private void Publish(ActivityEntry entry) => _services.GetRequiredService<ActivityStream>().Publish(entry);

    private static ActivityEntry Entry(string website = Website, ActivityOutcome outcome = ActivityOutcome.Created, long? elapsedMs = 120) => new()
    {
        WebsiteId = website, SessionId = Session, PeopleId = People, Channel = "whatsapp", Outcome = outcome, ElapsedMs = elapsedMs,
    };

    [Fact]
    public async Task Every_crisp_route_the_client_calls_counts_under_its_template_and_never_its_ids_or_search()
    {
        var crisp = _services.GetRequiredService<CrispClient>();
        var since = DateTimeOffset.UtcNow.AddHours(-1);

        await Assert.ThrowsAsync<CrispApiException>(() => crisp.GetRtmEndpointAsync()); // the stub's answer has no socket
        await crisp.ListSubscribedWebsitesAsync();
        await crisp.ListSubscribedWebsitesSinceAsync(since);
        await crisp.GetWebsiteAsync(Website);
        await crisp.GetConversationMetaAsync(Website, Session);
        await crisp.ListConversationsAsync(Website, since, DateTimeOffset.UtcNow, maxPages: 1);
        await crisp.SearchPeopleAsync(Website, [new PeopleFilter("email", "eq", [Email])], "or", 1);
        await crisp.GetPeopleProfileAsync(Website, Email);
        await crisp.UpdatePeopleProfileEmailAsync(Website, People, Email);
        _stub.Answers.Enqueue(StubHttpServer.Json(409, """{"error":true,"reason":"people_exists","data":{}}"""));
        await Assert.ThrowsAsync<CrispApiException>(() => crisp.CreatePeopleProfileAsync(Website, new NewPeopleProfile(Email, new NewPerson(null, null, null), ["whatsapp"])));

        Assert.Equal(
        [
            ("plugin/connect/endpoints", "GET", "200"),
            ("plugin/connect/websites/all/{page}", "GET", "200"),
            ("plugin/connect/websites/since", "GET", "200"),
            ("website/{website_id}", "GET", "200"),
            ("website/{website_id}/conversation/{session_id}/meta", "GET", "200"),
            ("website/{website_id}/conversations/{page}", "GET", "200"),
            ("website/{website_id}/people/profiles/{page}", "GET", "200"),
            ("website/{website_id}/people/profile/{people_id}", "GET", "200"),
            ("website/{website_id}/people/profile/{people_id}", "PATCH", "200"),
            ("website/{website_id}/people/profile", "POST", "409"),
        ], _metrics.Of("richcontact.crisp.requests").Select(m => (m.Labels["route"], m.Labels["method"], m.Labels["status"])));
        Assert.All(_metrics.All.SelectMany(m => m.Labels.Values), label =>
            Assert.True(!label!.Contains(Website) && !label.Contains(Session) && !label.Contains(People) && !label.Contains("example.com"), label));
    }

    [Fact]
    public async Task A_request_that_got_no_answer_counts_with_status_none()
    {
        var crisp = _services.GetRequiredService<CrispClient>();
        _stub.Answers.Enqueue(context => { context.Abort(); return Task.CompletedTask; });
        // The retries then get the stub's default answer.
        await crisp.GetConversationMetaAsync(Website, Session);

        Assert.Equal(["none", "200"], _metrics.Of("richcontact.crisp.requests").Select(m => m.Labels["status"]));
    }

    [Fact]
    public void Outcomes_are_labelled_by_website_for_the_first_hundred_websites_then_as_other()
    {
        for (var i = 0; i < EngineMetrics.MaxLabelledWebsites; i++)
            Publish(Entry(website: $"website-{i}"));
        Publish(Entry(website: "website-one-too-many"));
        Publish(Entry(website: "website-0"));

        var websites = _metrics.Of("richcontact.outcomes").Select(m => m.Labels["website_id"]).ToList();
        Assert.Equal(EngineMetrics.MaxLabelledWebsites + 1, websites.Distinct().Count());
        Assert.Equal([EngineMetrics.OtherWebsite, "website-0"], websites.TakeLast(2));
    }

    [Fact]
    public void A_mend_counts_as_an_outcome_but_not_in_the_first_message_to_contact_latency_and_a_preview_counts_in_both()
    {
        Publish(Entry(outcome: ActivityOutcome.Mend, elapsedMs: 3_600_000));
        Publish(Entry(outcome: ActivityOutcome.Existing, elapsedMs: 1500));
        Publish(Entry(outcome: ActivityOutcome.Failed, elapsedMs: null));
        Publish(Entry(outcome: ActivityOutcome.WouldCreate, elapsedMs: 250));

        Assert.Equal(["mend", "existing", "failed", "would_create"], _metrics.Of("richcontact.outcomes").Select(m => m.Labels["outcome"]));
        Assert.Equal([(1.5, "existing"), (0.25, "would_create")],
            _metrics.Of("richcontact.contact.latency").Select(m => (m.Value, m.Labels["outcome"])));
    }

    [Fact]
    public void A_listener_that_throws_loses_its_measurement_never_the_activity_entry()
    {
        var hostMeters = _services.GetRequiredService<IMeterFactory>();
        using var throwing = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == hostMeters && instrument.Name == "richcontact.outcomes")
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        throwing.SetMeasurementEventCallback<long>((_, _, _, _) => throw new InvalidOperationException("an exporter's bug"));
        throwing.Start();
        var seen = new List<ActivityEntry>();
        _services.GetRequiredService<ActivityStream>().Recorded += seen.Add; // after the metrics: as the live feed

        var entry = Entry();
        Publish(entry);

        Assert.Equal([entry], seen);
    }

    [Theory]
    [InlineData(CrispEventSource.Rtm, CrispConnectionState.Connected, 1, "rtm")]
    [InlineData(CrispEventSource.Rtm, CrispConnectionState.Reconnecting, 0, "rtm")]
    [InlineData(CrispEventSource.Hooks, CrispConnectionState.Connected, 1, "hooks")]
    public void The_connection_gauge_says_whether_crisp_events_arrive_and_by_which_way(CrispEventSource source, CrispConnectionState state, double value, string label)
    {
        var status = _services.GetRequiredService<CrispConnectionStatus>();
        status.Source = source;
        status.Set(state);

        var connected = Assert.Single(_metrics.Gauges(), m => m.Instrument == "richcontact.rtm.connected");

        Assert.Equal((value, label), (connected.Value, connected.Labels["source"]));
    }

    [Fact]
    public void The_latency_histogram_advises_buckets_from_milliseconds_to_ten_seconds()
    {
        var histogram = Assert.IsType<Histogram<double>>(_metrics.Instruments.Single(i => i.Name == "richcontact.contact.latency"));

        Assert.Equal("s", histogram.Unit);
        var buckets = histogram.Advice!.HistogramBucketBoundaries!;
        Assert.Equal((0.005, 10.0), (buckets[0], buckets[^1]));
        Assert.Contains(2.0, buckets); // the default collection window
    }
}
