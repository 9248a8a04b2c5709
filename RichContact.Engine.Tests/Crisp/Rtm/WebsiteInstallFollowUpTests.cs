using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RichContact.Engine.Crisp;
using RichContact.Engine.Crisp.Rtm;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Crisp.Rtm;

public class WebsiteInstallFollowUpTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Installs_that_come_during_a_reload_share_one_more_reload_and_bind()
    {
        var firstReload = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstReloadMayEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondBind = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondBindMayEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (reloads, binds) = (0, 0);
        var websites = new SubscribedWebsites(new ManualClock(DateTimeOffset.UnixEpoch), new CrispConnectionStatus())
        {
            Loader = async _ =>
            {
                if (Interlocked.Increment(ref reloads) == 1)
                {
                    firstReload.SetResult();
                    await firstReloadMayEnd.Task;
                }
                return [];
            },
        };
        using var followUp = new WebsiteInstallFollowUp(websites, async _ =>
        {
            if (Interlocked.Increment(ref binds) == 2)
            {
                secondBind.SetResult();
                await secondBindMayEnd.Task;
            }
        }, NullLogger<WebsiteInstallFollowUp>.Instance);
        await followUp.StartAsync(CancellationToken.None);

        followUp.Request();
        await firstReload.Task.WaitAsync(Timeout);
        for (var i = 0; i < 4; i++)
            followUp.Request();
        firstReloadMayEnd.SetResult();
        await secondBind.Task.WaitAsync(Timeout);

        // Five installs: the first one's reload and bind, then one more of each for the other four.
        Assert.Equal((2, 2, 0), (reloads, binds, followUp.Waiting));
        secondBindMayEnd.SetResult();
        await followUp.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Failing_reload_is_logged_by_type_only_and_the_socket_still_binds()
    {
        var logs = new CapturingLoggerProvider();
        var bound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var websites = new SubscribedWebsites(new ManualClock(DateTimeOffset.UnixEpoch), new CrispConnectionStatus())
        {
            Loader = _ => throw new InvalidOperationException("secret-detail +351912345678"),
        };
        using var loggers = new LoggerFactory([logs]);
        using var followUp = new WebsiteInstallFollowUp(websites, _ => { bound.TrySetResult(); return Task.CompletedTask; },
            loggers.CreateLogger<WebsiteInstallFollowUp>());
        await followUp.StartAsync(CancellationToken.None);

        followUp.Request();
        await bound.Task.WaitAsync(Timeout);

        var line = Assert.Single(logs.Lines, l => l.Contains("plugin install"));
        Assert.Contains(nameof(InvalidOperationException), line);
        Assert.DoesNotContain("secret-detail", line);
        Assert.DoesNotContain("351912345678", line);
        await followUp.StopAsync(CancellationToken.None);
    }
}
