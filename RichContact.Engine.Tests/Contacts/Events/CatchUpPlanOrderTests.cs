using RichContact.Engine.Contacts;

namespace RichContact.Engine.Tests.Contacts.Events;

/// <summary>The order and the allowance of a gap's catch-up (docs/catch-up.md).</summary>
public class CatchUpPlanOrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Most_recently_heard_websites_come_first_then_the_others_by_id_up_to_the_gaps_allowance()
    {
        var heard = new Dictionary<string, DateTimeOffset> { ["w-9"] = Now.AddSeconds(-50), ["w-5"] = Now.AddSeconds(-2), ["w-7"] = Now.AddSeconds(-20) };

        var plan = CatchUpPlan.For(["w-1", "w-9", "w-3", "w-5", "w-7", "w-2"], id => heard.TryGetValue(id, out var at) ? at : null,
            TimeSpan.FromSeconds(1.2), websitesPerGapSecond: 2, alreadyListed: 0);

        Assert.Equal(["w-5", "w-7", "w-9", "w-1"], plan.Listed); // 1.2 s rounds up to 2 s: 4 websites
        Assert.Equal(["w-2", "w-3"], plan.NotListed);
    }

    [Fact]
    public void A_retry_of_the_same_gap_counts_the_websites_already_listed_and_zero_per_second_lists_every_website()
    {
        string[] websites = ["a", "b", "c"];
        Assert.Equal(["a"], CatchUpPlan.For(websites, _ => null, TimeSpan.FromSeconds(1), 3, alreadyListed: 2).Listed);
        Assert.Empty(CatchUpPlan.For(websites, _ => null, TimeSpan.FromSeconds(1), 3, alreadyListed: 5).Listed);
        Assert.Equal(websites, CatchUpPlan.For(websites, _ => null, TimeSpan.FromHours(1), 0, alreadyListed: 0).Listed);
        Assert.Equal(20, CatchUpPlan.Allowance(TimeSpan.Zero, 20)); // a gap counts a second at least
    }
}
