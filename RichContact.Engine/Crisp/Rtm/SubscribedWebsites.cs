using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Nodes;

namespace RichContact.Engine.Crisp.Rtm;

/// <summary>
/// The websites that installed the plugin, kept in memory (every reload costs Crisp quota). The
/// settings page checks its token here; the engine loads the list at start and keeps it fresh from
/// <c>plugin:subscription:updated</c>. What this node hears from Crisp is saved to
/// <see cref="IWebsiteListShare"/>; with several nodes every node hears of it (<see cref="IStateChanges"/>)
/// and takes the shared list, so an uninstall or an install one node heard is every node's within a
/// second (the shared list is read again when older than <see cref="IStateChanges.CopyLifetime"/>).
/// </summary>
public sealed class SubscribedWebsites
{
    /// <summary>
    /// Anyone can ask for the settings page with made-up ids, and every reload costs Crisp quota, so
    /// while RTM is down a miss refreshes the list at most this often — in the whole cluster.
    /// </summary>
    internal static readonly TimeSpan MissReloadInterval = TimeSpan.FromMinutes(1);

    /// <summary>A refresh asks for the changes since the previous one, this much earlier, in case clocks differ.</summary>
    private static readonly TimeSpan SinceMargin = TimeSpan.FromMinutes(1);

    private readonly TimeProvider clock;
    private readonly CrispConnectionStatus connection;
    private readonly IWebsiteListShare share;
    private readonly IStateChanges changes;
    private readonly ILogger<SubscribedWebsites> logger;
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private readonly SemaphoreSlim _shareGate = new(1, 1);
    private long _reloadsAsked;
    private long _reloadsAnswered; // under _reloadGate
    private long _shareReadAtTicks;
    private int _shareChanged;
    private DateTimeOffset? _fullLoadAt;
    private volatile Dictionary<string, Known> _byId = new(StringComparer.Ordinal);
    /// <summary>Writers copy the map and swap it in: one at a time, or an install heard over RTM during a refresh is lost.</summary>
    private readonly Lock _writeGate = new();

    /// <summary>A website, and its token's hash when the token itself is not known here (from the shared list).</summary>
    private sealed record Known(SubscribedWebsite Website, string? TokenHash);

    public SubscribedWebsites(TimeProvider clock, CrispConnectionStatus connection, IWebsiteListShare share, IStateChanges changes,
        ILogger<SubscribedWebsites> logger)
    {
        this.logger = logger;
        this.clock = clock;
        this.connection = connection;
        this.share = share;
        this.changes = changes;
        changes.Subscribe(IWebsiteListShare.ChangeTopic, key =>
        {
            Volatile.Write(ref _shareChanged, 1);
            _ = TakeSharedAsync(CancellationToken.None);
        });
    }

    /// <summary>A single process's list, alone (tests, tools): nothing shared.</summary>
    public SubscribedWebsites(TimeProvider clock, CrispConnectionStatus connection)
        : this(clock, connection, new ProcessWebsiteList(clock), new ProcessStateChanges(), NullLogger<SubscribedWebsites>.Instance)
    {
    }

    /// <summary>Loads the full list from Crisp; set by the engine when it starts.</summary>
    public Func<CancellationToken, Task<IReadOnlyList<SubscribedWebsite>>>? Loader { get; set; }

    /// <summary>What changed since a date (<c>websites/since</c>, one call); set by the engine when it starts.</summary>
    public Func<DateTimeOffset, CancellationToken, Task<IReadOnlyList<SubscribedWebsiteChange>>>? ChangesLoader { get; set; }

    public event Action? Changed;

    public IReadOnlyCollection<SubscribedWebsite> All => _byId.Values.Select(k => k.Website).ToList();

    /// <summary>True once the full list (with tokens) was loaded from Crisp by this process.</summary>
    public bool IsLoaded { get; private set; }

    public bool Contains(string websiteId) => _byId.ContainsKey(websiteId);

    /// <summary>Replaces the list in this process only (a list read from the last run's cache).</summary>
    public void ReplaceAll(IEnumerable<SubscribedWebsite> websites)
    {
        var all = websites.ToDictionary(w => w.WebsiteId, w => new Known(w, null), StringComparer.Ordinal);
        lock (_writeGate)
            _byId = all;
        Changed?.Invoke();
    }

    public void Upsert(SubscribedWebsite website)
    {
        lock (_writeGate)
            _byId = new(_byId, StringComparer.Ordinal) { [website.WebsiteId] = new Known(website, null) };
        Changed?.Invoke();
        Share(new Dictionary<string, string?> { [website.WebsiteId] = HashOf(website) }, all: false);
    }

    /// <summary>Applies what <c>plugin/connect/websites/since</c> answered: installs (with their token) and removals.</summary>
    public void Apply(IEnumerable<SubscribedWebsiteChange> changes)
    {
        var shared = new Dictionary<string, string?>(StringComparer.Ordinal);
        lock (_writeGate)
        {
            var copy = new Dictionary<string, Known>(_byId, StringComparer.Ordinal);
            foreach (var change in changes)
            {
                if (change.Removed)
                {
                    copy.Remove(change.WebsiteId);
                    shared[change.WebsiteId] = null;
                }
                else if (change.Token is { Length: > 0 } token)
                {
                    var website = new SubscribedWebsite(change.WebsiteId, token);
                    copy[change.WebsiteId] = new Known(website, null);
                    shared[change.WebsiteId] = HashOf(website);
                }
            }
            _byId = copy;
        }
        Changed?.Invoke();
        if (shared.Count > 0)
            Share(shared, all: false);
    }

    public void Remove(string websiteId)
    {
        lock (_writeGate)
        {
            var copy = new Dictionary<string, Known>(_byId, StringComparer.Ordinal);
            if (!copy.Remove(websiteId))
                return;
            _byId = copy;
        }
        Changed?.Invoke();
        Share(new Dictionary<string, string?> { [websiteId] = null }, all: false);
    }

    /// <summary>
    /// True when <paramref name="token"/> is the one Crisp lists for the website. Installs and token
    /// changes reach us as <c>plugin:subscription:updated</c>, so while RTM is connected an unknown
    /// website costs no reload (and every reconnect refreshes the list). While it is not, a website not known
    /// yet (it may have just installed the plugin), or known without its token (read from
    /// <see cref="PluginConnectCache"/>), refreshes the list, at most once per <see cref="MissReloadInterval"/>
    /// for all nodes, and with the changes since the last refresh when there was one.
    /// Constant-time comparison.
    /// </summary>
    public async Task<bool> IsValidTokenAsync(string? websiteId, string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(websiteId) || string.IsNullOrEmpty(token))
            return false;
        if (clock.GetUtcNow().UtcTicks - Interlocked.Read(ref _shareReadAtTicks) >= CopyLifetimeTicks)
            await TakeSharedAsync(ct);
        if (Matches(websiteId, token))
            return true;
        var tokenKnown = _byId.TryGetValue(websiteId, out var known) && (known.Website.Token != SubscribedWebsite.UnknownToken || known.TokenHash is { Length: > 0 });
        if (tokenKnown || known is null && connection.State == CrispConnectionState.Connected || Loader is null)
            return false;
        if (await share.TryClaimRefreshAsync(MissReloadInterval, ct) is not { } previous)
            return false;
        await RefreshAsync(previous, ct);
        return Matches(websiteId, token);
    }

    /// <summary>The changes since the last refresh, cluster-wide, in one call; the whole list when no refresh is known.</summary>
    private async Task RefreshAsync(DateTimeOffset previous, CancellationToken ct)
    {
        var since = previous > DateTimeOffset.MinValue ? previous : _fullLoadAt;
        if (ChangesLoader is null || since is null || (_byId.Count == 0 && !IsLoaded))
        {
            await ReloadAsync(ct);
            return;
        }
        Apply(await ChangesLoader(since.Value - SinceMargin, ct));
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
            var startedAt = clock.GetUtcNow();
            var websites = await Loader(ct);
            ReplaceAll(websites);
            IsLoaded = true;
            _fullLoadAt = startedAt;
            _reloadsAnswered = answers;
            Share(websites.ToDictionary(w => w.WebsiteId, HashOf, StringComparer.Ordinal), all: true);
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    private long CopyLifetimeTicks => changes.CopyLifetime == Timeout.InfiniteTimeSpan ? long.MaxValue : changes.CopyLifetime.Ticks;

    /// <summary>Saves what this node heard from Crisp for the other nodes; a failure leaves them their list until the next change.</summary>
    private void Share(Dictionary<string, string?> websites, bool all) =>
        _ = Task.Run(async () =>
        {
            try
            {
                await share.SaveAsync(websites, all, CancellationToken.None);
            }
            catch (Exception error)
            {
                // The database is away: the other nodes find out with the next change or refresh.
                logger.LogWarning("Could not share the website list with the other nodes ({ErrorType})", error.GetType().Name);
            }
        });

    /// <summary>
    /// Takes the shared list (with several nodes): websites no node lists any more go, websites another
    /// node heard of come with their token's hash; a token this node knows is kept while its hash agrees.
    /// </summary>
    private async Task TakeSharedAsync(CancellationToken ct)
    {
        await _shareGate.WaitAsync(ct);
        try
        {
            Volatile.Write(ref _shareChanged, 0);
            var readAt = clock.GetUtcNow().UtcTicks;
            IReadOnlyDictionary<string, string>? shared;
            try
            {
                shared = await share.ReadAsync(ct);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The database is away: this node's list stands until it answers.
                logger.LogDebug("Could not read the shared website list ({ErrorType})", error.GetType().Name);
                return;
            }
            Interlocked.Exchange(ref _shareReadAtTicks, readAt);
            if (shared is null)
                return;
            bool changed;
            lock (_writeGate)
            {
                var next = new Dictionary<string, Known>(StringComparer.Ordinal);
                foreach (var (id, hash) in shared)
                    next[id] = _byId.TryGetValue(id, out var known) && known.Website.Token != SubscribedWebsite.UnknownToken && HashOf(known.Website) == hash
                        ? known
                        : new Known(new SubscribedWebsite(id, SubscribedWebsite.UnknownToken), hash);
                changed = next.Count != _byId.Count || next.Any(n => !_byId.TryGetValue(n.Key, out var was) || was != n.Value);
                if (changed)
                    _byId = next;
            }
            if (changed)
                Changed?.Invoke();
        }
        finally
        {
            _shareGate.Release();
        }
        // A change announced while reading: read again, it may be newer than what was read.
        if (Volatile.Read(ref _shareChanged) == 1)
            await TakeSharedAsync(ct);
    }

    private bool Matches(string websiteId, string token)
    {
        if (!_byId.TryGetValue(websiteId, out var known))
            return false;
        if (known.Website.Token != SubscribedWebsite.UnknownToken)
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(known.Website.Token), Encoding.UTF8.GetBytes(token));
        return known.TokenHash is { Length: > 0 } hash
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(hash), Encoding.UTF8.GetBytes(HashOf(token)));
    }

    private static string? HashOf(SubscribedWebsite website) =>
        website.Token == SubscribedWebsite.UnknownToken ? "" : HashOf(website.Token);

    private static string HashOf(string token) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
