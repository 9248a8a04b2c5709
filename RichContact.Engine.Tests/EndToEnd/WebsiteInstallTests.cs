using RichContact.Engine.Crisp.Rtm;
using RichContact.Sandbox;

namespace RichContact.Engine.Tests.EndToEnd;

/// <summary>A website installing the plugin while conversations go on.</summary>
public class WebsiteInstallTests : EngineEndToEndTest
{
    // Long enough that the bind after the install is certainly still waiting while the test looks.
    protected override IDictionary<string, string?> EngineSettings => new Dictionary<string, string?>
    {
        ["RichContact:Rtm:MinBindIntervalSeconds"] = "20",
    };

    [Fact]
    public async Task Events_keep_flowing_while_the_bind_after_an_install_waits_for_crisps_interval()
    {
        var websites = Engine.Get<SubscribedWebsites>();
        var known = websites.All.Count;
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        websites.Changed += () => { if (websites.All.Count > known) reloaded.TrySetResult(); };

        var installed = await Sandbox.Control.SubscribeWebsiteAsync(new SubscribeWebsiteRequest { Name = "New shop" });
        await reloaded.Task.WaitAsync(Timeout); // the install is being followed up: its bind now waits
        var session = await StartConversationAsync("whatsapp", phone: "+351912345678");
        await WaitUntilTrackedAsync(session);

        // Heard before the bind went out: the bind did not hold up the event loop.
        var socket = Assert.Single(await Sandbox.Control.SocketsAsync());
        Assert.Equal(0, socket.BindAttempts);
        Assert.DoesNotContain(installed.WebsiteId, socket.Websites);
        Assert.True(websites.Contains(installed.WebsiteId));
    }
}
