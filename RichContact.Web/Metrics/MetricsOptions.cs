namespace RichContact.Web.Metrics;

/// <summary>Configuration section <c>RichContact:Metrics</c>: exporting the engine's metrics.</summary>
public sealed class MetricsOptions
{
    public const string Section = "RichContact:Metrics";

    /// <summary>Where Prometheus scrapes, when <see cref="Enabled"/>.</summary>
    public const string ScrapePath = "/metrics";

    /// <summary>
    /// Loopback and the private ranges (RFC 1918, IPv6 unique local): a Prometheus on the same host or
    /// the same private network scrapes without settings; the internet, through a reverse proxy that
    /// forwards the client's address, does not.
    /// </summary>
    public const string PrivateNetworks = "127.0.0.0/8 ::1/128 10.0.0.0/8 172.16.0.0/12 192.168.0.0/16 fc00::/7";

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
    /// others get 403. <c>0.0.0.0/0 ::/0</c> lets anyone.
    /// </summary>
    public string AllowedNetworks { get; set; } = PrivateNetworks;
}
