using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp.Rest;

namespace RichContact.Engine.Tests.Contacts.Window;

public class CollectionWindowTests
{
    private static readonly VisitorDetails Complete = new() { Phone = "+351912345678", Nickname = "Ana" };

    /// <summary>Far beyond any window here: a test that waits this long has failed.</summary>
    private static readonly TimeSpan Never = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Window_ends_at_its_end_and_not_before()
    {
        var end = TimeProvider.System.GetUtcNow() + TimeSpan.FromMilliseconds(300);
        var window = new CollectionWindow(end, enrichGeolocation: false, TimeProvider.System, CancellationToken.None);

        Assert.True(await window.Ended.WaitAsync(Never));
        Assert.True(TimeProvider.System.GetUtcNow() >= end);
    }

    [Fact]
    public async Task Window_ends_early_once_the_details_hold_everything_the_contact_needs()
    {
        var window = new CollectionWindow(TimeProvider.System.GetUtcNow() + TimeSpan.FromHours(1), enrichGeolocation: false, TimeProvider.System, CancellationToken.None);

        window.EndEarlyIfComplete(Complete with { Nickname = null });
        Assert.False(window.Ended.IsCompleted);
        window.EndEarlyIfComplete(Complete);

        Assert.True(await window.Ended.WaitAsync(Never));
    }

    [Fact]
    public async Task Window_with_unknown_settings_runs_its_full_length()
    {
        var end = TimeProvider.System.GetUtcNow() + TimeSpan.FromMilliseconds(300);
        var window = new CollectionWindow(end, enrichGeolocation: null, TimeProvider.System, CancellationToken.None);

        window.EndEarlyIfComplete(Complete);

        Assert.True(await window.Ended.WaitAsync(Never));
        Assert.True(TimeProvider.System.GetUtcNow() >= end);
    }

    [Fact]
    public async Task Window_of_a_stopping_process_ends_without_its_run()
    {
        using var stopping = new CancellationTokenSource();
        var window = new CollectionWindow(TimeProvider.System.GetUtcNow() + TimeSpan.FromHours(1), enrichGeolocation: false, TimeProvider.System, stopping.Token);

        await stopping.CancelAsync();

        Assert.False(await window.Ended.WaitAsync(Never));
    }
}
