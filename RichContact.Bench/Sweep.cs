namespace RichContact.Bench;

public sealed record SweepResult(IReadOnlyList<BenchResult> Steps, double HighestSustainedRate, double MaxP95OverheadMs);

/// <summary>
/// Raises the rate step by step (each step a fresh engine and sandbox, driving for a fixed time)
/// until p95 overhead over the window exceeds 1 s, a conversation is lost, or the driver cannot
/// reach the asked rate. The highest step that passed is the sustained rate.
/// </summary>
public static class Sweep
{
    public const double MaxP95OverheadMs = 1000;
    private static readonly double[] Rates = [25, 50, 100, 150, 200, 300, 400, 600, 800];

    public static async Task<SweepResult> RunAsync(BenchOptions options, TextWriter? log, CancellationToken ct)
    {
        var steps = new List<BenchResult>();
        var highest = 0.0;
        foreach (var rate in Rates)
        {
            var step = options with { Rate = rate, Conversations = (int)Math.Ceiling(rate * options.SweepStepSeconds), JsonFile = null };
            var result = await BenchRun.RunAsync(step, log, ct);
            steps.Add(result);
            if (log is not null)
                Report.Print(result, log);
            // Driving 10% under the asked rate means the machine, not the engine, set the pace.
            var passed = result.Lost == 0 && result.CreationOverheadMs.P95 <= MaxP95OverheadMs && result.AchievedRate >= rate * 0.9;
            if (!passed)
                break;
            highest = rate;
        }
        return new SweepResult(steps, highest, MaxP95OverheadMs);
    }
}
