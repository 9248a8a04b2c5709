using Microsoft.Extensions.Logging;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Crisp.Rtm;

namespace RichContact.Engine.Crisp;

/// <summary>
/// What either event source (<see cref="CrispRtmListener"/> or <see cref="Hooks.CrispHookListener"/>)
/// does before it listens: it makes <see cref="SubscribedWebsites"/> load from Crisp, restores the website
/// ids the last run learnt (<see cref="PluginConnectCache"/>) and loads the full list.
/// </summary>
internal sealed class CrispListeningStart(CrispClient crisp, SubscribedWebsites websites, PluginConnectCache connectCache, ILogger<CrispListeningStart> logger)
{
    /// <summary>Returns the RTM endpoint the last run used, if any.</summary>
    public async Task<RtmEndpoint?> PrepareAsync(CancellationToken stoppingToken)
    {
        websites.Loader = crisp.ListSubscribedWebsitesAsync;
        websites.ChangesLoader = crisp.ListSubscribedWebsitesSinceAsync;
        // What the last run learnt from plugin/connect: connecting needs no REST call, and the websites
        // are known (without their tokens) until the first catch-up loads the list.
        var (endpoint, websiteIds) = connectCache.Read();
        if (websites.All.Count == 0 && websiteIds.Count > 0)
            websites.ReplaceAll(websiteIds.Select(id => new SubscribedWebsite(id, SubscribedWebsite.UnknownToken)));
        websites.Changed += () => connectCache.SaveWebsites(websites.All.Select(w => w.WebsiteId));
        await LoadWebsitesAsync(stoppingToken);
        return endpoint;
    }

    /// <summary>
    /// The full website list (with the settings pages' tokens) before the first connect, as the portal and
    /// the settings page expect it. Failing (the quota spent, Crisp down) does not hold RTM back: the
    /// catch-up after the connect loads it as soon as it can.
    /// </summary>
    private async Task LoadWebsitesAsync(CancellationToken stoppingToken)
    {
        try
        {
            await websites.ReloadAsync(stoppingToken);
            logger.LogInformation("{Count} websites have the plugin installed", websites.All.Count);
        }
        catch (Exception error) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not load the websites that installed the plugin ({ErrorType}); RTM connects anyway and they are loaded after", error.GetType().Name);
        }
    }
}
