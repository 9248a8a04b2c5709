using RichContact.Engine.Memory;

namespace RichContact.Engine.Tests.Memory;

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
