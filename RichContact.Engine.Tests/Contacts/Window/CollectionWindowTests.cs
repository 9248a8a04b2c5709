using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp.Rest;

namespace RichContact.Engine.Tests.Contacts.Window;

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
