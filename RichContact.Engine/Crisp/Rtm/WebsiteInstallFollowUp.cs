using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RichContact.Engine.Crisp.Rtm;

/// <summary>
/// What a plugin install (<c>plugin:subscription:updated</c>, bound) asks for, done beside the RTM
/// event loop: reload the website list (the event carries no token) and <c>socket:bind</c>, which can
/// wait up to Crisp's 2.5 s bind interval. Installs that come while one is followed up share the next
/// reload and bind.
/// </summary>
/// <param name="bind"><see cref="CrispRtmListener.BindAsync"/>.</param>
internal sealed class WebsiteInstallFollowUp(SubscribedWebsites websites, Func<CancellationToken, Task> bind, ILogger<WebsiteInstallFollowUp> logger)
    : BackgroundService
{
    // One waiting request at most: every install that comes meanwhile is covered by it.
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    /// <summary>Never waits: the event loop goes on at once.</summary>
    public void Request() => _requests.Writer.TryWrite(true);

    /// <summary>Requests not yet taken up (0 or 1).</summary>
    internal int Waiting => _requests.Reader.Count;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var _ in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await websites.ReloadAsync(stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // The type only: messages can quote what they choked on. The bind below still lets the
                // socket hear the new website; its token arrives with the next reload.
                logger.LogError("Reloading the websites after a plugin install failed with {ErrorType}", error.GetType().Name);
            }
            await bind(stoppingToken);
        }
    }
}
