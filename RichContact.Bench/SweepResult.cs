namespace RichContact.Bench;

/// <param name="HighestWithinLatency">The highest rate up to which every step kept p95 overhead within the limit and lost nothing.</param>
/// <param name="HighestWithoutLoss">The highest rate up to which every step lost nothing (however late the outcomes came).</param>
public sealed record SweepResult(IReadOnlyList<BenchResult> Steps, double HighestWithinLatency, double HighestWithoutLoss, double MaxP95OverheadMs);
