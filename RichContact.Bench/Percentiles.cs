namespace RichContact.Bench;

/// <summary>Min, p50, p95, p99 and max of a sample, in milliseconds (nearest-rank percentiles).</summary>
public sealed record Percentiles(int Count, double Min, double P50, double P95, double P99, double Max)
{
    public static readonly Percentiles Empty = new(0, 0, 0, 0, 0, 0);

    public static Percentiles Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return Empty;
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(sorted.Length, sorted[0], Rank(0.50), Rank(0.95), Rank(0.99), sorted[^1]);
    }

    /// <summary>Every figure minus <paramref name="ms"/>: latency as overhead over the collection window.</summary>
    public Percentiles Minus(double ms) => Count == 0 ? this : new(Count, Min - ms, P50 - ms, P95 - ms, P99 - ms, Max - ms);
}
