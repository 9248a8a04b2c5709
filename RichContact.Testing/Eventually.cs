using System.Diagnostics;

namespace RichContact.Testing;

/// <summary>Waits for a condition that something else reaches asynchronously; fails the test naming what never happened.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(condition()), what, timeout);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < (timeout ?? DefaultTimeout), "Timed out waiting for " + what);
            await Task.Delay(20);
        }
    }
}
