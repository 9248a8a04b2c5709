namespace RichContact.Web.Metrics;

/// <summary>Configuration section <c>RichContact:Metrics</c>: exporting the engine's metrics.</summary>
public sealed class MetricsOptions
{
    public const string Section = "RichContact:Metrics";

    /// <summary>Where Prometheus scrapes, when <see cref="Enabled"/>.</summary>
    public const string ScrapePath = "/metrics";

    /// <summary>
    /// Loopback alone: a Prometheus on the same host scrapes without settings. A private range is not
    /// a boundary anyone checked (a proxy, a container network or a VPN may put strangers in it), so
    /// another machine is let in only by name.
    /// </summary>
    public const string Loopback = "127.0.0.0/8 ::1/128";

    /// <summary>Serve <see cref="ScrapePath"/> (and export over OTLP when <see cref="OtlpEndpoint"/> is set).</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// An OpenTelemetry collector to push the metrics to as well (e.g. <c>http://collector:4317</c>);
    /// empty: Prometheus scrapes only. The protocol and interval follow the standard
    /// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> and <c>OTEL_METRIC_EXPORT_INTERVAL</c>.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>
    /// Client networks (CIDR, or single addresses, space separated) that may read <see cref="ScrapePath"/>;
    /// others get 403. <c>0.0.0.0/0 ::/0</c> lets anyone. The client is the address after the forwarded
    /// headers of a trusted proxy (<c>RichContact:Web:TrustedProxies</c>), never one a stranger wrote.
    /// </summary>
    public string AllowedNetworks { get; set; } = Loopback;
}
