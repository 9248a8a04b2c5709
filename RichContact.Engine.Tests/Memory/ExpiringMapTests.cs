using RichContact.Engine.Memory;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Memory;

public class ExpiringMapTests
{
    private readonly ManualClock _clock = new(DateTimeOffset.UnixEpoch);

    [Fact]
    public void Entries_expire_after_their_time_to_live()
    {
        var map = new ExpiringMap<string, int>(10, TimeSpan.FromMinutes(1), _clock);
        Assert.True(map.TryAdd("a", 1));
        Assert.False(map.TryAdd("a", 2));

        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.False(map.TryGet("a", out _));
        Assert.True(map.TryAdd("a", 3));
    }

    [Fact]
    public void Map_never_holds_more_than_its_capacity_and_drops_the_oldest_first()
    {
        var map = new ExpiringMap<int, int>(100, TimeSpan.FromHours(1), _clock);
        for (var i = 0; i < 1000; i++)
        {
            map.TryAdd(i, i);
            _clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(100, map.Count);
        Assert.False(map.TryGet(0, out _));
        Assert.True(map.TryGet(999, out _));
    }
}
