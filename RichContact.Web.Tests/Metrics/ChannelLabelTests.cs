using System.Net;
using RichContact.Engine.Activity;
using RichContact.Engine.Channels;
using RichContact.Engine.Crisp;
using RichContact.Sandbox;
using RichContact.Testing;
using RichContact.Web.Tests.Browser;
using RichContact.Web.Tests.Security;
using RichContact.Web.Tests.Support;

namespace RichContact.Web.Tests.Metrics;

/// <summary>
/// Any <c>urn:&lt;owner&gt;:&lt;name&gt;:</c> origin makes a channel: a name Rich Contact does not know
/// is <c>other</c> wherever it would be a label or a list entry, so made-up origins grow neither.
/// </summary>
public sealed class ChannelLabelTests : AppOverHttp
{
    protected override void Configure(RichContactApp app) => app.Settings["RichContact:Metrics:Enabled"] = "true";

    [Fact]
    public async Task An_unknown_channel_is_other_in_the_metrics_and_the_filters()
    {
        await Eventually.TrueAsync(() => App.Get<CrispConnectionStatus>().State == CrispConnectionState.Connected, "the RTM connection");
        var shop = App.Sandbox.Options.Websites[0].Id;
        using var waiter = new ActivityRecorder(App.Get<ActivityStream>());
        var session = await App.Sandbox.Control.StartConversationAsync(
            new StartConversationRequest { WebsiteId = shop, Origin = "urn:crisp.im:kakaotalk:0", Phone = "+82 10 1234 5678", Nickname = "Ji-woo" });
        var entry = await waiter.OutcomeAsync(session);
        Assert.Equal("kakaotalk", entry.Channel); // the entry itself keeps the channel's name

        var text = "";
        await Eventually.TrueAsync(async () =>
        {
            var response = await Http.GetAsync("/metrics");
            text = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.OK && PrometheusText.Parse(text).Samples("richcontact_outcomes_total").Count > 0;
        }, "the outcome in /metrics");
        var outcome = Assert.Single(PrometheusText.Parse(text).Samples("richcontact_outcomes_total"));
        Assert.Equal(ChannelOrigin.Other, outcome.Labels["channel"]);
        Assert.DoesNotContain("kakaotalk", text);

        var queries = App.Get<ActivityQueries>();
        Assert.Equal([ChannelOrigin.Other], await queries.ChannelsSeenAsync());
        Assert.Equal([ChannelOrigin.Other], await queries.ChannelsSeenAsync(shop));
        Assert.Equal(entry.Id, Assert.Single((await queries.PageAsync(new ActivityFilter(Channel: ChannelOrigin.Other), 0, 25)).Items).Id);
        Assert.Empty((await queries.PageAsync(new ActivityFilter(Channel: "whatsapp"), 0, 25)).Items);
        Assert.True(new ActivityFilter(Channel: ChannelOrigin.Other).Matches(entry));
        Assert.Equal([ChannelOrigin.Other], (await queries.StatsAsync(DateTimeOffset.UtcNow.AddDays(-1))).ByChannel.Keys);
    }
}
