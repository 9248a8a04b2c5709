using RichContact.Engine.Contacts;

namespace RichContact.Engine.Tests.Contacts.Scheduling;

public class DatabaseHoldDelayTests
{
    [Fact]
    public void A_job_held_on_the_database_waits_1_s_doubling_to_30_s_however_long_it_lasts() =>
        Assert.Equal(
            new[] { 1, 2, 4, 8, 16, 30, 30, 30 }.Select(s => TimeSpan.FromSeconds(s)).Append(TimeSpan.FromSeconds(30)),
            new[] { 1, 2, 3, 4, 5, 6, 7, 100, int.MaxValue }.Select(HoldWhileDatabaseFailsAttribute.Delay));
}
