using RichContact.Bench;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Bench;

/// <summary>
/// A few seconds of the benchmark (BENCHMARKS.md), run in-process: it checks that the bench still works
/// end to end and that every conversation got its outcome. Timings are the bench's business, not a
/// test's: on a shared machine they would only make the suite flaky. The PostgreSQL case (two nodes on
/// a fresh database of the test server) fails without RICHCONTACT_TEST_POSTGRES (PostgresDatabase).
/// </summary>
public sealed class BenchSmokeTests
{
    /// <summary>A few seconds of traffic: 20 conversations at 20/s, a 0.5 s window.</summary>
    private static readonly BenchOptions Short = new()
    {
        Conversations = 20,
        Rate = 20,
        WindowSeconds = 0.5,
        FollowUps = 5,
        OutcomeTimeout = TimeSpan.FromSeconds(60),
    };

    [Fact]
    public async Task A_short_realistic_run_gives_every_conversation_its_outcome()
    {
        var result = await BenchRun.RunAsync(Short);

        Assert.Equal(20, result.Started);
        Assert.True(result.Expected > 0, "the mix had no channel conversation");
        Assert.Equal(0, result.Lost);
        Assert.Equal(0, result.Unexpected);
        Assert.Equal(result.Expected, result.Outcomes.Values.Sum());
    }

    [Fact]
    public async Task A_short_run_on_PostgreSQL_with_two_nodes_counts_every_conversation_once()
    {
        var result = await BenchRun.RunAsync(Short with { Postgres = PostgresDatabase.Server, Nodes = 2 });

        Assert.Equal("PostgreSQL, 2 node(s)", result.Storage);
        Assert.Contains(result.RtmHolder, new[] { "bench-1", "bench-2" });
        Assert.True(result.Expected > 0, "the mix had no channel conversation");
        Assert.Equal(0, result.Lost);
        // Both nodes' feeds raise every entry: a conversation counted twice would show here.
        Assert.Equal(0, result.Unexpected);
        Assert.Equal(result.Expected, result.Outcomes.Values.Sum());
        Assert.Equal(result.Expected + result.Mends, result.OutcomesFirstRaisedBy.Values.Sum());
    }

    [Fact]
    public async Task A_short_run_with_rtm_drops_prices_each_drop_and_loses_no_conversation_whose_visitor_writes_again()
    {
        // 40 conversations at 10/s: 4 s of traffic, a drop after 2 s.
        var result = await BenchRun.RunAsync(Short with { Conversations = 40, Rate = 10, Websites = 30, RtmDropEvery = 2, OutcomeTimeout = TimeSpan.FromSeconds(10) });

        var drops = Assert.IsType<RtmDropFigures>(result.Drops);
        Assert.NotEmpty(drops.CallsPerDrop);
        Assert.All(drops.CallsPerDrop, calls => Assert.True(calls >= 1, "a drop's catch-up listed nothing"));
        Assert.Equal(drops.Missed, result.Lost);
        Assert.Equal(0, drops.MissedAfterSecondMessage);
        Assert.Equal(0, result.Unexpected);
        Assert.Equal(2.5, BenchOptions.Parse(["--rtm-drop-every", "2.5"]).RtmDropEvery);
    }

    [Fact]
    public async Task A_short_run_with_phoneless_contacts_on_gives_every_instagram_and_messenger_visitor_without_an_email_a_contact()
    {
        var result = await BenchRun.RunAsync(Short with { Conversations = 60, Rate = 30, Phoneless = true });

        Assert.Equal(0, result.Lost);
        Assert.Contains("created", result.Rest.PhonelessOutcomes.Keys);
        Assert.DoesNotContain("skipped:no_identity", result.Rest.PhonelessOutcomes.Keys);
        Assert.Equal(4, result.Rest.PhonelessCalls["created"]);
    }

    [Fact]
    public void Phoneless_options_parse_and_a_misspelt_reading_is_refused()
    {
        var options = BenchOptions.Parse(["--phoneless", "on", "--phoneless-identity", "none"]);
        Assert.Equal((true, "none"), (options.Phoneless, options.PhonelessIdentity));
        Assert.Equal((false, "stable-user-id"), (BenchOptions.Parse([]).Phoneless, BenchOptions.Parse([]).PhonelessIdentity));
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--phoneless-identity", "stable"]));
    }

    [Fact]
    public void Several_nodes_need_PostgreSQL_from_the_command_line_or_the_environment()
    {
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--nodes", "2"]));
        var fromEnvironment = BenchOptions.Parse(["--nodes", "2"], "Host=127.0.0.1;Username=postgres");
        Assert.Equal(("Host=127.0.0.1;Username=postgres", 2), (fromEnvironment.Postgres, fromEnvironment.Nodes));
        Assert.Equal("Host=db", BenchOptions.Parse(["--postgres", "Host=db"], "Host=127.0.0.1").Postgres);
        Assert.Null(BenchOptions.Parse([]).Postgres);
    }
}
