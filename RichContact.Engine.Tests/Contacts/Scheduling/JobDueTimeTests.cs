using RichContact.Engine.Contacts;

namespace RichContact.Engine.Tests.Contacts.Scheduling;

public class JobDueTimeTests
{
    [Theory]
    [InlineData(1000, 2, 3)]        // exactly on a second: stays
    [InlineData(1001, 2, 4)]        // a millisecond past: the next whole second
    [InlineData(1999, 2, 4)]
    public void Due_time_is_the_window_end_rounded_up_to_a_whole_second(long firstMessageMs, double windowSeconds, long expectedSeconds)
    {
        var due = JobDueTime.After(DateTimeOffset.FromUnixTimeMilliseconds(firstMessageMs), TimeSpan.FromSeconds(windowSeconds));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(expectedSeconds), due);
    }
}
