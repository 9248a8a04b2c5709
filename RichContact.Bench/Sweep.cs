namespace RichContact.Bench;

/// <summary>
/// Raises the rate step by step (each step a fresh engine and sandbox, driving for a fixed time).
/// The sustained rate is the highest step before p95 overhead over the window exceeds 1 s or a
/// conversation is lost. The sweep goes on past the latency limit until a loss (or until the driver
/// cannot reach the asked rate), to also show how far the engine goes without losing anything.
/// </summary>
public static class Sweep
{
    public const double MaxP95OverheadMs = 1000;
    private static readonly double[] Rates = [5, 10, 25, 50, 100, 150, 200, 300, 400];

    public static async Task<SweepResult> RunAsync(BenchOptions options, TextWriter? log, CancellationToken ct)
    {
        var steps = new List<BenchResult>();
        double withinLatency = 0, withoutLoss = 0;
        var latencyHeld = true;
        foreach (var rate in Rates)
        {
            var step = options with { Rate = rate, Conversations = (int)Math.Ceiling(rate * options.SweepStepSeconds), JsonFile = null };
            var result = await BenchRun.RunAsync(step, log, ct);
            steps.Add(result);
            if (log is not null)
                Report.Print(result, log);
            // Driving 10% under the asked rate means the machine, not the engine, set the pace.
            if (result.Lost > 0 || result.AchievedRate < rate * 0.9)
                break;
            withoutLoss = rate;
            latencyHeld &= result.CreationOverheadMs.P95 <= MaxP95OverheadMs;
            if (latencyHeld)
                withinLatency = rate;
        }
        return new SweepResult(steps, withinLatency, withoutLoss, MaxP95OverheadMs);
    }
}
