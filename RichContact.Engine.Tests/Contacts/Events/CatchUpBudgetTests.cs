using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Tests.Crisp.Rtm;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Contacts.Events;

/// <summary>A gap's catch-up spends at most its share of what is left of the day's quota, and says what it could not list.</summary>
public class CatchUpBudgetTests : EngineEndToEndTest
{
    private const string ListRoute = "/v1/website/{website_id}/conversations/{page}";
    private const int WebsiteCount = 200;

    protected override int DailyRequestBudget => 400;

    protected override SandboxOptions? SandboxSettings => new()
    {
        Websites = Enumerable.Range(1, WebsiteCount).Select(i => new SandboxWebsite { Id = $"website-{i:D3}", Token = $"token-{i:D3}", Name = $"Shop {i}" }).ToList(),
    };

    protected override IDictionary<string, string?> EngineSettings => new Dictionary<string, string?>
    {
        ["RichContact:CatchUp:WebsitesPerGapSecond"] = "0", // the gap's length allows every website: the budget alone limits
        ["RichContact:CatchUp:BudgetPercent"] = "10",
    };

    [Fact]
    public async Task Catch_up_spends_at_most_its_share_of_the_remaining_quota_and_reports_the_websites_it_left_out()
    {
        var status = Engine.Get<CatchUpStatus>();
        var budget = Engine.Get<CrispRequestBudget>();
        await Sandbox.Control.ResetRequestsAsync();

        var reconnecting = WaitForStateAsync(Engine.Get<CrispConnectionStatus>(), CrispConnectionState.Reconnecting);
        await RtmOutageTests.DropSocketsAsync(Sandbox, refuseReconnectSeconds: 1);
        await reconnecting;
        var remainingAtDrop = budget.Limit - budget.Used;
        await WaitForConnectionAsync();
        await Eventually.TrueAsync(() => Engine.Get<OutageCatchUp>().HoldsMarkAt is null && status.LastNotListed is not null, "the catch-up to finish");

        var listed = (await Sandbox.Control.RequestsAsync()).Count("GET", ListRoute);
        // 10 % of what was left when it started (the reconnect itself spends a call or two before).
        Assert.InRange(listed, 1, remainingAtDrop / 10);
        Assert.Equal(WebsiteCount - listed, status.WebsitesNotListed);
        Assert.Contains($"{WebsiteCount - listed} of {WebsiteCount} websites not listed (catch-up budget of {listed} Crisp calls spent)", status.LastNotListed);
        Assert.True(budget.Limit - budget.Used > 300, "the catch-up spent the quota live contacts need");
    }
}
