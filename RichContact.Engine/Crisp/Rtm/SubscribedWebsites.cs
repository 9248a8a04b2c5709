using System.Security.Cryptography;
using System.Text;
using RichContact.Engine.Crisp.Rest;

namespace RichContact.Engine.Crisp.Rtm;

/// <summary>
/// The websites that installed the plugin, kept in memory (every reload costs Crisp quota). The
/// settings page checks its token here; the engine loads the list at start and keeps it fresh from
/// <c>plugin:subscription:updated</c>.
/// </summary>
public sealed class SubscribedWebsites(TimeProvider clock, CrispConnectionStatus connection)
{
    /// <summary>
    /// Anyone can ask for the settings page with made-up ids, and every reload costs Crisp quota, so
    /// while RTM is down a miss reloads at most this often.
    /// </summary>
    internal static readonly TimeSpan MissReloadInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private readonly Lock _missReloadGate = new();
    private DateTimeOffset? _lastMissReload;
    private long _reloadsAsked;
    private long _reloadsAnswered; // under _reloadGate
    private volatile Dictionary<string, SubscribedWebsite> _byId = new(StringComparer.Ordinal);
    /// <summary>Writers copy the map and swap it in: one at a time, or an install heard over RTM during a refresh is lost.</summary>
    private readonly Lock _writeGate = new();

    /// <summary>Loads the full list from Crisp; set by the engine when it starts.</summary>
    public Func<CancellationToken, Task<IReadOnlyList<SubscribedWebsite>>>? Loader { get; set; }

    public event Action? Changed;

    public IReadOnlyCollection<SubscribedWebsite> All => _byId.Values;

    /// <summary>True once the full list (with tokens) was loaded from Crisp by this process.</summary>
    public bool IsLoaded { get; private set; }

    public bool Contains(string websiteId) => _byId.ContainsKey(websiteId);

    public void ReplaceAll(IEnumerable<SubscribedWebsite> websites)
    {
        var all = websites.ToDictionary(w => w.WebsiteId, StringComparer.Ordinal);
        lock (_writeGate)
            _byId = all;
        Changed?.Invoke();
    }

    public void Upsert(SubscribedWebsite website)
    {
        lock (_writeGate)
            _byId = new(_byId, StringComparer.Ordinal) { [website.WebsiteId] = website };
        Changed?.Invoke();
    }

    /// <summary>Applies what <c>plugin/connect/websites/since</c> answered: installs (with their token) and removals.</summary>
    public void Apply(IEnumerable<SubscribedWebsiteChange> changes)
    {
        lock (_writeGate)
        {
            var copy = new Dictionary<string, SubscribedWebsite>(_byId, StringComparer.Ordinal);
            foreach (var change in changes)
            {
                if (change.Removed)
                    copy.Remove(change.WebsiteId);
                else if (change.Token is { Length: > 0 } token)
                    copy[change.WebsiteId] = new SubscribedWebsite(change.WebsiteId, token);
            }
            _byId = copy;
        }
        Changed?.Invoke();
    }

    public void Remove(string websiteId)
    {
        lock (_writeGate)
        {
            var copy = new Dictionary<string, SubscribedWebsite>(_byId, StringComparer.Ordinal);
            if (!copy.Remove(websiteId))
                return;
            _byId = copy;
        }
        Changed?.Invoke();
    }

    /// <summary>
    /// True when <paramref name="token"/> is the one Crisp lists for the website. Installs and token
    /// changes reach us as <c>plugin:subscription:updated</c>, so while RTM is connected an unknown
    /// website costs no reload (and every reconnect refreshes the list). While it is not, a website not known
    /// yet (it may have just installed the plugin), or known without its token (read from
    /// <see cref="PluginConnectCache"/>), reloads the list, at most once per <see cref="MissReloadInterval"/>.
    /// Constant-time comparison.
    /// </summary>
    public async Task<bool> IsValidTokenAsync(string? websiteId, string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(websiteId) || string.IsNullOrEmpty(token))
            return false;
        if (Matches(websiteId, token))
            return true;
        var tokenKnown = _byId.TryGetValue(websiteId, out var known) && known.Token != SubscribedWebsite.UnknownToken;
        if (tokenKnown || known is null && connection.State == CrispConnectionState.Connected || !TryStartMissReload())
            return false;
        await ReloadAsync(ct);
        return Matches(websiteId, token);
    }

    private bool TryStartMissReload()
    {
        lock (_missReloadGate)
        {
            var now = clock.GetUtcNow();
            if (_lastMissReload is { } last && now - last < MissReloadInterval)
                return false;
            _lastMissReload = now;
            return true;
        }
    }

    /// <summary>
    /// Loads the list from Crisp, one load at a time. Callers that ask while a load runs share the
    /// next one: a load that started after a caller asked answers it, so it costs no other call.
    /// </summary>
    public async Task ReloadAsync(CancellationToken ct = default)
    {
        if (Loader is null)
            return;
        var asked = Interlocked.Increment(ref _reloadsAsked);
        await _reloadGate.WaitAsync(ct);
        try
        {
            if (_reloadsAnswered >= asked)
                return;
            var answers = Interlocked.Read(ref _reloadsAsked);
            ReplaceAll(await Loader(ct));
            IsLoaded = true;
            _reloadsAnswered = answers;
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    private bool Matches(string websiteId, string token) =>
        _byId.TryGetValue(websiteId, out var website) && website.Token != SubscribedWebsite.UnknownToken &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(website.Token), Encoding.UTF8.GetBytes(token));
}
