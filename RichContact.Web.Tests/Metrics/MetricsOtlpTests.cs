using RichContact.Engine.Activity;
using RichContact.Engine.Crisp;
using RichContact.Sandbox;
using RichContact.Testing;
using RichContact.Web.Tests.Browser;

namespace RichContact.Web.Tests.Metrics;

/// <summary>With an OTLP endpoint set, the app pushes the same metrics to a collector (here a loopback stand-in).</summary>
public sealed class MetricsOtlpTests : IAsyncLifetime
{
    private const string ExportPath = "/v1/metrics";

    private StubHttpServer _collector = null!;
    private RichContactApp _app = null!;

    public async Task InitializeAsync()
    {
        _collector = await StubHttpServer.StartAsync();
        // An empty ExportMetricsServiceResponse: everything accepted.
        _collector.Otherwise = context =>
        {
            context.Response.ContentType = "application/x-protobuf";
            return Task.CompletedTask;
        };

        _app = new RichContactApp("https://app.crisp.chat");
        _app.Settings["RichContact:Metrics:Enabled"] = "true";
        _app.Settings["RichContact:Metrics:OtlpEndpoint"] = _collector.BaseUrl + ExportPath;
        // OpenTelemetry's own settings, read from the app's configuration like the environment's.
        _app.Settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        _app.Settings["OTEL_METRIC_EXPORT_INTERVAL"] = "200";
        _app.StartServer();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _collector.DisposeAsync();
    }

    [Fact]
    public async Task A_configured_otlp_endpoint_receives_the_outcome_counter_without_personal_data()
    {
        await Eventually.TrueAsync(() => _app.Get<CrispConnectionStatus>().State == CrispConnectionState.Connected, "the RTM connection");
        using var waiter = new ActivityRecorder(_app.Get<ActivityStream>());
        var session = await _app.Sandbox.Control.StartConversationAsync(new StartConversationRequest
        {
            WebsiteId = _app.Sandbox.Options.Websites[0].Id, Origin = "whatsapp", Phone = "+351 912 345 678", Nickname = "Maria Souza",
        });
        var outcome = await waiter.OutcomeAsync(session);

        // Protobuf writes strings as UTF-8 bytes: names and label values can be read in the raw body.
        static bool WithOutcomes(StubRequest request) =>
            request is { Method: "POST", Path: ExportPath } && request.BodyText.Contains("richcontact.outcomes");
        await _collector.UntilAsync(requests => requests.Any(WithOutcomes), "an export with the outcome counter");
        var export = _collector.Requests.Last(WithOutcomes).BodyText;
        Assert.Contains("richcontact.contact.latency", export);
        Assert.Contains("whatsapp", export);
        foreach (var personal in new[] { "912345678", "912 345 678", "Maria", "Souza", session, outcome.PeopleId! })
            Assert.DoesNotContain(personal, export);
    }
}
