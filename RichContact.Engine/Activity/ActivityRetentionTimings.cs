namespace RichContact.Engine.Activity;

/// <summary>
/// Configuration section <c>RichContact:ActivityRetention</c>: how often <see cref="ActivityRetention"/>
/// purges, and in what batches; tests shorten it. How long entries are kept is
/// <see cref="ActivityRetentionOptions.ActivityRetentionDays"/>.
/// </summary>
internal sealed class ActivityRetentionTimings
{
    public const string Section = "RichContact:ActivityRetention";

    public double IntervalHours { get; set; } = 6;

    /// <summary>Rows per delete: each batch holds the database's write lock only briefly, so contact jobs are not kept waiting.</summary>
    public int BatchSize { get; set; } = 1_000;

    public TimeSpan Interval => TimeSpan.FromHours(IntervalHours);
}
