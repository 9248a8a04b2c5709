using System.Text.Json;
using RichContact.Sandbox.Events;
using RichContact.Sandbox.Traffic;

namespace RichContact.Sandbox.Tests.Traffic;

public sealed class TrafficTests : SandboxTestBase
{
    private static readonly string[] Websites = ["w1", "w2"];

    private static List<StartConversationRequest> Play(int seed, int count)
    {
        var script = new TrafficScript(seed, Websites);
        return Enumerable.Range(0, count).Select(_ => script.Next()).ToList();
    }

    [Fact]
    public void The_same_seed_plays_the_same_conversations()
    {
        var first = Play(7, 200).Select(r => JsonSerializer.Serialize(r));
        var second = Play(7, 200).Select(r => JsonSerializer.Serialize(r));
        var other = Play(8, 200).Select(r => JsonSerializer.Serialize(r));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Traffic_mixes_channels_countries_formats_returning_people_and_ignored_origins()
    {
        var requests = Play(1, 500);

        Assert.Contains(requests, r => r.Origin == "chat");
        Assert.Contains(requests, r => r.Origin == "email" && r.Email is not null);
        Assert.True(requests.Select(r => r.Origin).Distinct().Count() >= 6, "several channels");
        Assert.True(requests.Where(r => r.Country is not null).Select(r => r.Country).Distinct().Count() >= 8, "many countries");
        Assert.Contains(requests, r => r.Phone?.StartsWith("00", StringComparison.Ordinal) == true);
        Assert.Contains(requests, r => r.Phone?.Contains(' ') == true);
        Assert.Contains(requests, r => r.Phone?.StartsWith('+') == true && !r.Phone.Contains(' '));
        Assert.Contains(requests, r => r.Origin != "chat" && r.Origin != "email" && r.Email is not null);
        Assert.Contains(requests, r => r.Origin == "instagram" && r.Phone is null);
        Assert.Equal(Websites, requests.Select(r => r.WebsiteId).Distinct().Order());
        Assert.Equal(new[] { MetaOrders.After, MetaOrders.Before, MetaOrders.Interleaved }, requests.Select(r => r.MetaOrder!).Distinct().Order());

        var byPerson = requests.Where(r => r.Nickname is not null && r.Origin != "chat" && r.Origin != "email").GroupBy(r => r.Nickname + "|" + r.Country);
        Assert.Contains(byPerson, g => g.Count() > 1 && g.Select(r => r.Origin).Distinct().Count() == 1);
        Assert.Contains(byPerson, g => g.Select(r => r.Origin).Distinct().Count() > 1 && g.Select(r => r.Phone).Where(p => p is not null).Distinct().Count() > 1);
    }

    [Fact]
    public async Task Started_traffic_produces_conversations_over_rtm_until_stopped()
    {
        await using var client = await RtmTestClient.ConnectAsync(Sandbox, 4, CrispEvents.MessageSend);

        await Sandbox.Traffic.StartAsync(ratePerSecond: 50, seed: 3);
        Assert.True(Sandbox.Traffic.IsRunning);
        for (var i = 0; i < 10; i++)
            await client.NextAsync(CrispEvents.MessageSend);
        await Sandbox.Traffic.StopAsync();

        Assert.False(Sandbox.Traffic.IsRunning);
        var started = Sandbox.Traffic.ConversationsStarted;
        Assert.True(started >= 10);
        var (_, conversations) = await GetAsync($"website/{WebsiteId}/conversations/1?per_page=50");
        Assert.NotEmpty(conversations["data"]!.AsArray());
        // Stopped means stopped: the count no longer moves once the loop has ended.
        Assert.Equal(started, Sandbox.Traffic.ConversationsStarted);
    }
}
