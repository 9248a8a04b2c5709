using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RichContact.Engine.Activity;
using RichContact.Engine.Channels;
using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Telemetry;

/// <summary>
/// The engine's metrics: one <see cref="Meter"/> (<see cref="MeterName"/>) that an exporter reads
/// (the web app's <c>/metrics</c> and OTLP). No label carries a phone, name, email, session id or
/// people id: only channels, outcomes, reason codes, Crisp route templates, status codes and, on
/// the outcome counter, a bounded set of website ids (<see cref="MaxLabelledWebsites"/>).
/// A hosted service only so that it exists from the start: the outcome counter listens to the
/// activity stream, and nothing else asks for this class. It counts the entries this node recorded
/// (<see cref="ActivityStream.RecordedHere"/>), never those of other nodes that its live feed shows:
/// a sum over the nodes counts each conversation once.
/// </summary>
public sealed class EngineMetrics : IHostedService, IDisposable
{
    public const string MeterName = EngineMeter.Name;

    /// <summary>
    /// Websites that get their own <c>website_id</c> on the outcome counter; later ones count as
    /// <see cref="OtherWebsite"/>. Every label value is a series Prometheus keeps, and a public
    /// plugin may be installed on thousands of websites.
    /// </summary>
    public const int MaxLabelledWebsites = 100;

    public const string OtherWebsite = "other";

    /// <summary>
    /// From a contact made at once (the details came before the first message) through the collection
    /// window (2 s by default) to Hangfire's fallback run, 5 s after the window.
    /// </summary>
    private static readonly double[] LatencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 2.5, 5, 10];

    private readonly IServiceProvider _services;
    private readonly ActivityStream _activity;
    private readonly Counter<long> _outcomes;
    private readonly Histogram<double> _latency;
    private readonly Lock _websitesGate = new();
    private readonly HashSet<string> _labelledWebsites = new(StringComparer.Ordinal);

    public EngineMetrics(IMeterFactory meters, IServiceProvider services, ActivityStream activity)
    {
        _services = services;
        _activity = activity;
        // From the host's factory: the meter's scope is this host, so that an exporter can listen to
        // this host's engine alone when several run in one process (tests, the benchmark).
        var meter = meters.Create(new MeterOptions(MeterName));

        _outcomes = meter.CreateCounter<long>("richcontact.outcomes", "{conversation}",
            "Conversations that got an outcome (created, existing, skipped, failed, would_create) and placeholder mends, by website, channel, outcome and reason code.");
        _latency = meter.CreateHistogram("richcontact.contact.latency", "s",
            "Time from a conversation's first visitor message, as this process heard it, to its outcome.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        // richcontact.crisp.requests is counted on this meter by the Crisp client (Crisp/Rest/CrispRequestCounting.cs).

        meter.CreateObservableGauge("richcontact.crisp.budget.remaining", () => Math.Max(0, Budget.Limit - Budget.Used), "{request}",
            "Crisp requests left in today's budget (RichContact:Crisp:DailyRequestBudget; the day is UTC).");
        meter.CreateObservableGauge("richcontact.rtm.connected", Connected, "{connection}",
            "1 while Crisp's events reach the engine: the RTM connection is authenticated (source=rtm), or Web Hooks are listened for (source=hooks); else 0.");
        meter.CreateObservableGauge("richcontact.conversations.waiting", Waiting, "{conversation}",
            "New conversations waiting for their contact job in this process: in their collection window (stage=window) or queued for a run slot (stage=queued).");
        meter.CreateObservableGauge("richcontact.conversations.held", () => Get<ContactJobScheduler>().HeldCount, "{conversation}",
            $"Conversations held in memory because the job storage ({DataDirectory.JobStorageFileName}) refuses them; scheduled as soon as it accepts them again.");

        meter.CreateObservableGauge("richcontact.websites.contacts_limited", LimitedWebsites, "{website}",
            "Websites where Crisp refuses new contacts (a plan's contacts limit, a suspended website): creates are stopped there and one is tried an hour. The same count on every node.");
        meter.CreateObservableCounter("richcontact.catchup.websites_not_listed", () => Get<CatchUpStatus>().WebsitesNotListed, "{website}",
            "Websites an outage catch-up did not list (its gap was too short to hold their conversations, or its share of the day's budget was spent): a conversation started there during the gap gets its contact at the visitor's next message.");

        _activity.RecordedHere += OnRecorded;
    }

    private void OnRecorded(ActivityEntry entry)
    {
        try
        {
            Count(entry);
        }
        catch (Exception)
        {
            // A listener that throws loses a measurement, never the entry: the stream's later
            // subscribers (the live feed) and the caller of the activity log must not see it.
        }
    }

    private void Count(ActivityEntry entry)
    {
        var outcome = OutcomeLabel(entry.Outcome);
        var channel = entry.Channel is null ? "none" : ChannelOrigin.Label(entry.Channel);
        if (_outcomes.Enabled)
            _outcomes.Add(1,
                new KeyValuePair<string, object?>("website_id", WebsiteLabel(entry.WebsiteId)),
                new KeyValuePair<string, object?>("channel", channel),
                new KeyValuePair<string, object?>("outcome", outcome),
                new KeyValuePair<string, object?>("reason", entry.Reason ?? "none"));
        // A mend comes minutes or days after the contact: it would bury the first-message-to-contact times.
        if (_latency.Enabled && entry.ElapsedMs is { } elapsed && entry.Outcome != ActivityOutcome.Mend)
            _latency.Record(elapsed / 1000.0,
                new KeyValuePair<string, object?>("channel", channel),
                new KeyValuePair<string, object?>("outcome", outcome));
    }

    /// <summary><c>created</c>, <c>existing</c>... the activity log's words, whatever outcomes are added later.</summary>
    internal static string OutcomeLabel(ActivityOutcome outcome) => JsonNamingPolicy.SnakeCaseLower.ConvertName(outcome.ToString());

    private string WebsiteLabel(string websiteId)
    {
        lock (_websitesGate)
        {
            if (_labelledWebsites.Contains(websiteId))
                return websiteId;
            if (_labelledWebsites.Count >= MaxLabelledWebsites)
                return OtherWebsite;
            _labelledWebsites.Add(websiteId);
            return websiteId;
        }
    }

    /// <summary>With Web Hooks there is no socket; the source label keeps one alert for both ways in.</summary>
    private Measurement<int> Connected() => new(Connection.State == CrispConnectionState.Connected ? 1 : 0,
        new KeyValuePair<string, object?>("source", Connection.Source == CrispEventSource.Hooks ? "hooks" : "rtm"));

    private IEnumerable<Measurement<int>> Waiting()
    {
        yield return new(Get<ConversationTracker>().OpenWindows, new KeyValuePair<string, object?>("stage", "window"));
        yield return new(Get<WindowEndRuns>().Queued, new KeyValuePair<string, object?>("stage", "queued"));
    }

    /// <summary>Read from the limits' one home when an exporter collects; nothing when it cannot be read (the database down).</summary>
    private IEnumerable<Measurement<int>> LimitedWebsites()
    {
        int count;
        try
        {
            count = Get<ContactsLimit>().AllAsync().GetAwaiter().GetResult().Count;
        }
        catch (Exception)
        {
            yield break;
        }
        yield return new(count);
    }

    private CrispRequestBudget Budget => Get<CrispRequestBudget>();
    private CrispConnectionStatus Connection => Get<CrispConnectionStatus>();

    /// <summary>The gauges read their sources when an exporter collects, well after start: resolving them then creates none of the engine's services early.</summary>
    private T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _activity.RecordedHere -= OnRecorded;
}
