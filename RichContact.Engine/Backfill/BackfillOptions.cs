namespace RichContact.Engine.Backfill;

/// <summary>How past conversations are backfilled (<c>RichContact:Backfill</c>).</summary>
public sealed class BackfillOptions
{
    public const string Section = "RichContact:Backfill";

    /// <summary>
    /// The share of the daily Crisp budget a backfill never touches: it is left for the conversations
    /// that arrive live the same day. At 20 % of 5,000, a run stops when 1,000 calls are left.
    /// </summary>
    public int BudgetReservePercent { get; set; } = 20;

    /// <summary>Pages of 50 the preview lists at most (each one a Crisp call); the run lists the rest.</summary>
    public int PreviewMaxPages { get; set; } = 20;

    /// <summary>Pages of 50 a run lists at most (20,000 conversations): a guard against a date filter Crisp would ignore.</summary>
    public int MaxPages { get; set; } = 400;

    /// <summary>The longest date range one run covers.</summary>
    public int MaxRangeDays { get; set; } = 366;

    /// <summary>How often a running backfill writes its progress line in the log.</summary>
    public int ProgressLogSeconds { get; set; } = 5;

    // How a run cuts its work into Hangfire jobs; tests shorten it.

    /// <summary>A batch job ends after this long and enqueues the next: each job stays far below Hangfire's invisibility timeout.</summary>
    public double BatchSeconds { get; set; } = 15;

    /// <summary>...or after this many conversations.</summary>
    public int BatchConversations { get; set; } = 100;

    /// <summary>After a listing failure Crisp may get over, or several failed conversations in a row, the next batch waits this long.</summary>
    public double RetryDelaySeconds { get; set; } = 60;

    /// <summary>Failed conversations in a row (Crisp down, say) that make the run back off for <see cref="RetryDelaySeconds"/>.</summary>
    public int FailuresBeforeBackOff { get; set; } = 3;

    /// <summary>After the next UTC day starts, the Hangfire wake-up job is due this much later (the process itself resumes on the dot).</summary>
    public double WakeUpAfterMidnightSeconds { get; set; } = 60;

    /// <summary>How often a node looks for a run left running with no batch job (its node died, or its job was deleted) and takes it up.</summary>
    public double UnworkedCheckSeconds { get; set; } = 60;

    public TimeSpan BatchDuration => TimeSpan.FromSeconds(BatchSeconds);
    public TimeSpan RetryDelay => TimeSpan.FromSeconds(RetryDelaySeconds);
    public TimeSpan WakeUpAfterMidnight => TimeSpan.FromSeconds(WakeUpAfterMidnightSeconds);
    public TimeSpan UnworkedCheck => TimeSpan.FromSeconds(UnworkedCheckSeconds);
}
