using Microsoft.Extensions.Logging.Abstractions;
using RichContact.Engine.Contacts;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Contacts.Dedup;

public class DedupModeTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_refused_phone_search_is_not_tried_again_until_an_hour_has_passed()
    {
        var mode = new DedupMode(_clock, NullLogger<DedupMode>.Instance);
        Assert.True(mode.TryPhoneSearch);

        mode.PhoneSearchRefused();
        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.False(mode.TryPhoneSearch);

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(mode.TryPhoneSearch);
    }

    [Fact]
    public void Refused_again_at_the_recheck_waits_another_hour()
    {
        var mode = new DedupMode(_clock, NullLogger<DedupMode>.Instance);
        mode.PhoneSearchIgnored();
        _clock.Advance(DedupMode.RecheckAfter);

        mode.PhoneSearchIgnored();

        Assert.False(mode.TryPhoneSearch);
        Assert.Equal(PhoneSearch.Ignored, mode.Phone);
    }

    [Fact]
    public void A_change_of_mode_is_announced_once()
    {
        var mode = new DedupMode(_clock, NullLogger<DedupMode>.Instance);
        var changes = 0;
        mode.Changed += () => changes++;

        mode.PhoneSearchRefused();
        mode.PhoneSearchRefused();
        mode.PhoneSearchAnswered();

        Assert.Equal(2, changes);
        Assert.Equal(PhoneSearch.Answered, mode.Phone);
    }
}
