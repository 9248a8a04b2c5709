using RichContact.Bench;

namespace RichContact.Engine.Tests.Bench;

/// <summary>
/// A few seconds of the benchmark (BENCHMARKS.md), run in-process: it checks that the bench still works
/// end to end and that every conversation got its outcome. Timings are the bench's business, not a
/// test's: on a shared machine they would only make the suite flaky.
/// </summary>
public sealed class BenchSmokeTests
{
    [Fact]
    public async Task A_short_realistic_run_gives_every_conversation_its_outcome()
    {
        var result = await BenchRun.RunAsync(new BenchOptions
        {
            Conversations = 20,
            Rate = 20,
            WindowSeconds = 0.5,
            FollowUps = 5,
            OutcomeTimeout = TimeSpan.FromSeconds(60),
        });

        Assert.Equal(20, result.Started);
        Assert.True(result.Expected > 0, "the mix had no channel conversation");
        Assert.Equal(0, result.Lost);
        Assert.Equal(0, result.Unexpected);
        Assert.Equal(result.Expected, result.Outcomes.Values.Sum());
    }
}
