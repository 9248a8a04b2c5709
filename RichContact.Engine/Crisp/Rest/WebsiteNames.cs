using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RichContact.Engine.Nodes;

namespace RichContact.Engine.Crisp.Rest;

/// <summary>
/// The names and domains of websites, from <c>GET website/{website_id}</c>, kept in memory. Each
/// website costs one call when it is first shown and one per <see cref="RefreshInterval"/> after
/// that, asked by whoever shows it: nothing polls, and a website nobody looks at costs nothing.
/// Callers never wait on Crisp unless they choose to (<see cref="GetAsync"/>); until Crisp answers,
/// and whenever it refuses, a website is shown by its id. A name fetched is saved to
/// <see cref="IWebsiteNameShare"/>, and a name another node fetched within <see cref="RefreshInterval"/>
/// is taken from there: with several nodes, a website costs one call per refresh for the cluster.
/// </summary>
public sealed class WebsiteNames(CrispClient crisp, IOptions<CrispOptions> options, TimeProvider clock, ILogger<WebsiteNames> logger,
    IWebsiteNameShare share)
{
    /// <summary>Workspaces rarely rename a website: a name this old is asked again when next shown.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(6);

    /// <summary>After Crisp could not be reached (or answered 5xx through every retry), ask again no sooner than this.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    // A 403 says the route is closed to the plugin (tier or scopes), for every website alike.
    private DateTimeOffset _routeClosedUntil = DateTimeOffset.MinValue;

    private sealed class Slot
    {
        public WebsiteName? Known;
        public DateTimeOffset NextFetchAt = DateTimeOffset.MinValue;
        public Task? Fetching;
    }

    /// <summary>Raised (on a pool thread) when a name arrived or a fetch ended.</summary>
    public event Action? Changed;

    /// <summary>The name as known now, or the id alone; starts fetching it when it is missing or old. Never waits.</summary>
    public WebsiteName Get(string websiteId)
    {
        lock (_gate)
            return StartIfDue(websiteId).Known ?? new WebsiteName(websiteId);
    }

    /// <summary>
    /// The names of <paramref name="websiteIds"/>, waiting at most <paramref name="wait"/> for those
    /// being fetched: a page's first render shows names without waiting on a slow Crisp for long.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, WebsiteName>> GetAsync(IEnumerable<string> websiteIds, TimeSpan wait, CancellationToken ct = default)
    {
        var ids = websiteIds.Distinct(StringComparer.Ordinal).ToList();
        List<Task> fetching;
        lock (_gate)
            fetching = ids.Select(id => StartIfDue(id).Fetching).OfType<Task>().ToList();
        if (fetching.Count > 0)
        {
            try
            {
                await Task.WhenAll(fetching).WaitAsync(wait, ct);
            }
            catch (TimeoutException)
            {
                // Shown by id for now; Changed tells the page when the names arrive.
            }
        }
        lock (_gate)
            return ids.ToDictionary(id => id, id => _slots[id].Known ?? new WebsiteName(id), StringComparer.Ordinal);
    }

    /// <summary>Under <see cref="_gate"/>.</summary>
    private Slot StartIfDue(string websiteId)
    {
        if (!_slots.TryGetValue(websiteId, out var slot))
            _slots[websiteId] = slot = new Slot();
        var now = clock.GetUtcNow();
        // Without a plugin token there is no Crisp to ask (the app may run with no Crisp at all).
        if (slot.Fetching is null && now >= slot.NextFetchAt && now >= _routeClosedUntil && options.Value.HasCredentials)
            slot.Fetching = Task.Run(() => FetchAsync(websiteId, slot));
        return slot;
    }

    /// <summary>A name another node fetched lately, if the database answers.</summary>
    private async Task<SharedWebsiteName?> SharedAsync(string websiteId)
    {
        try
        {
            return await share.ReadAsync(websiteId, CancellationToken.None) is { } shared && clock.GetUtcNow() - shared.FetchedAt < RefreshInterval ? shared : null;
        }
        catch (Exception error)
        {
            logger.LogDebug("Could not read a website's name other nodes fetched ({ErrorType})", error.GetType().Name);
            return null;
        }
    }

    private async Task SaveAsync(SharedWebsiteName name)
    {
        try
        {
            await share.SaveAsync(name, CancellationToken.None);
        }
        catch (Exception error)
        {
            logger.LogDebug("Could not share a website's name with other nodes ({ErrorType})", error.GetType().Name);
        }
    }

    private async Task FetchAsync(string websiteId, Slot slot)
    {
        WebsiteName? found = null;
        TimeSpan? wait = null;
        DateTimeOffset? until = null;
        try
        {
            if (await SharedAsync(websiteId) is { } shared)
            {
                found = new WebsiteName(websiteId, shared.Name, shared.Domain);
                until = shared.FetchedAt + RefreshInterval;
            }
            else
            {
                var website = await crisp.GetWebsiteAsync(websiteId);
                found = new WebsiteName(websiteId, website.Name, website.Domain);
                wait = RefreshInterval;
                await SaveAsync(new SharedWebsiteName(websiteId, website.Name, website.Domain, clock.GetUtcNow()));
            }
        }
        catch (CrispApiException error) when (error.Status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            // Every website would get the same answer: none asks again before the next refresh (a
            // refused token, 401, is the RTM listener's news; it may be fixed sooner).
            var closedFor = error.IsUnauthorized ? RetryInterval : RefreshInterval;
            bool firstRefusal;
            lock (_gate)
            {
                firstRefusal = _routeClosedUntil <= clock.GetUtcNow();
                _routeClosedUntil = clock.GetUtcNow() + closedFor;
            }
            if (firstRefusal)
                logger.LogInformation("Crisp refuses to give the plugin website names ({Status} {Reason}): the portal shows website ids, and asks again in {Interval}",
                    (int)error.Status, error.ReasonCode, closedFor);
            wait = closedFor;
        }
        catch (CrispApiException error) when (!CrispTransientErrors.IsRetryable(error.Status))
        {
            // This website only (404 not_subscribed: it removed the plugin): asking sooner would get the same answer.
            logger.LogDebug("Crisp gave no name for a website ({Status} {Reason})", (int)error.Status, error.ReasonCode);
            wait = RefreshInterval;
        }
        catch (CrispBudgetExhaustedException error)
        {
            until = error.ResumesAt;
        }
        catch (Exception error)
        {
            // Unreachable, timed out, or 5xx/429 through every retry: soon again, never in a loop.
            logger.LogDebug("Asking Crisp for a website's name failed with {ErrorType}; asked again in {Interval}", error.GetType().Name, RetryInterval);
            wait = RetryInterval;
        }
        lock (_gate)
        {
            // A refusal or a failure keeps the name seen before: it is still the best there is.
            slot.Known = found ?? slot.Known;
            slot.NextFetchAt = until ?? clock.GetUtcNow() + wait!.Value;
            slot.Fetching = null;
        }
        Changed?.Invoke();
    }
}
