using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Memory;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Contacts;

public class CollectionWindowTests
{
    [Theory]
    [InlineData("+351912345678", null, "Ana", null, false, true)]
    [InlineData("912345678", null, "Ana", "PT", false, true)]
    [InlineData("912345678", null, "Ana", null, false, false)]     // the job would read the meta for the country
    [InlineData(null, "ana@example.com", "Ana", null, false, true)]
    [InlineData("+351912345678", null, null, null, false, false)]  // no name yet
    [InlineData("+351912345678", null, "Visitor 1234", null, false, false)]
    [InlineData("+351912345678", null, "Ana", null, true, false)]  // geolocation wanted, none yet
    [InlineData("+351912345678", null, "Ana", "PT", true, true)]
    [InlineData("12", null, "Ana", null, false, false)]            // no identity
    public void Window_closes_early_only_when_the_details_hold_everything(string? phone, string? email, string? nickname, string? country,
        bool enrichGeolocation, bool closes) =>
        Assert.Equal(closes, CollectionWindow.HasEverything(
            new VisitorDetails { Phone = phone, Email = email, Nickname = nickname, Country = country }, enrichGeolocation));

    [Theory]
    [InlineData(1000, 2, 3)]        // exactly on a second: stays
    [InlineData(1001, 2, 4)]        // a millisecond past: the next whole second
    [InlineData(1999, 2, 4)]
    public void Due_time_is_the_window_end_rounded_up_to_a_whole_second(long firstMessageMs, double windowSeconds, long expectedSeconds)
    {
        var due = CollectionWindow.DueTime(DateTimeOffset.FromUnixTimeMilliseconds(firstMessageMs), TimeSpan.FromSeconds(windowSeconds));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(expectedSeconds), due);
    }
}

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

public class VisitorDetailsStoreTests
{
    [Fact]
    public void Details_from_separate_events_merge_and_later_values_win()
    {
        var store = new VisitorDetailsStore(TimeProvider.System);
        var conversation = new ConversationKey("w", "s");
        store.Add(conversation, new VisitorDetails { Phone = "+351912345678" });
        store.Add(conversation, new VisitorDetails { Nickname = "Ana" });
        store.Add(conversation, new VisitorDetails { Nickname = "Ana Souza" });

        Assert.Equal(new VisitorDetails { Phone = "+351912345678", Nickname = "Ana Souza" }, store.Get(conversation));

        store.Forget(conversation);
        Assert.Null(store.Get(conversation));
    }
}

public class KeyedLocksTests
{
    [Fact]
    public async Task Second_holder_of_the_same_key_waits_for_the_first()
    {
        var locks = new KeyedLocks();
        var first = await locks.AcquireAsync("phone:+351912345678", CancellationToken.None);

        var second = locks.AcquireAsync("phone:+351912345678", CancellationToken.None);
        var other = locks.AcquireAsync("phone:+351900000000", CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        (await other).Dispose();
    }
}

public class CrispRequestBudgetTests
{
    [Fact]
    public void Budget_comes_back_the_next_utc_day()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 24, 23, 59, 0, TimeSpan.Zero));
        var options = Microsoft.Extensions.Options.Options.Create(new RichContactOptions { Crisp = { DailyRequestBudget = 1 } });
        var budget = new CrispRequestBudget(new StaticOptionsMonitor(options.Value), clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<CrispRequestBudget>.Instance);

        budget.Spend();
        var refused = Assert.Throws<CrispBudgetExhaustedException>(budget.Spend);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero), refused.ResumesAt);

        clock.Advance(TimeSpan.FromMinutes(2));
        budget.Spend();
        Assert.Equal(1, budget.Used);
    }

    [Fact]
    public void Todays_count_survives_a_restart_but_not_a_new_day()
    {
        using var data = new TempDataDirectory();
        var file = Path.Combine(data.Path, "crisp-budget.json");
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        var options = new StaticOptionsMonitor(new RichContactOptions { Crisp = { DailyRequestBudget = 100 } });
        var logger = Microsoft.Extensions.Logging.Abstractions.NullLogger<CrispRequestBudget>.Instance;

        using (var first = new CrispRequestBudget(options, clock, logger, file))
            for (var i = 0; i < 13; i++) first.Spend();

        Assert.Equal(13, new CrispRequestBudget(options, clock, logger, file).Used);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, new CrispRequestBudget(options, clock, logger, file).Used);
    }

    private sealed class StaticOptionsMonitor(RichContactOptions value) : Microsoft.Extensions.Options.IOptionsMonitor<RichContactOptions>
    {
        public RichContactOptions CurrentValue => value;
        public RichContactOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<RichContactOptions, string?> listener) => null;
    }
}
