namespace RichContact.Engine.Backfill;

/// <summary>Where a backfill run stands. At most one run per website is <see cref="BackfillRun.IsActive"/>.</summary>
public enum BackfillStatus
{
    /// <summary>Listed up to the preview's cap and estimated; waits for the operator to start it.</summary>
    Previewed,
    Running,
    /// <summary>By the operator, or by a lasting refusal of Crisp's conversation list (<see cref="BackfillRun.LastError"/>).</summary>
    Paused,
    /// <summary>Today's Crisp budget is down to the reserve kept for live conversations; resumes after 00:00 UTC.</summary>
    WaitingForBudget,
    Cancelled,
    Done,
}
