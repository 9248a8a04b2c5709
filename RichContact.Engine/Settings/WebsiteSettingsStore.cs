using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using RichContact.Engine.Nodes;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Settings;

/// <summary>
/// Website settings in the database, cached in memory: every job reads the settings when it runs, and
/// saving replaces the cached copy at once, so a change applies to conversations already waiting. A
/// save is announced to every node (<see cref="IStateChanges"/>), which drops its copy: with several
/// nodes, the settings one node saves are the ones every node's next job reads, within a second
/// (a copy older than <see cref="IStateChanges.CopyLifetime"/> is read again in any case).
/// Storage failures go to <see cref="StorageStatus"/> and on to the caller.
/// </summary>
public sealed class WebsiteSettingsStore
{
    /// <summary>The <see cref="IStateChanges"/> topic; the key is the website id.</summary>
    public const string ChangeTopic = "settings";

    private readonly IDbContextFactory<RichContactDb> dbFactory;
    private readonly StorageStatus storage;
    private readonly IStateChanges changes;
    private readonly TimeProvider clock;
    private readonly IWebsiteLimits limits;
    private readonly ConcurrentDictionary<string, Copy> _cache = new(StringComparer.Ordinal);
    /// <summary>Moves on every change heard: a read that started before it does not cache what it read.</summary>
    private long _generation;

    private sealed record Copy(WebsiteSettings Settings, long ReadAtTicks);

    public WebsiteSettingsStore(IDbContextFactory<RichContactDb> dbFactory, StorageStatus storage, IStateChanges changes, TimeProvider clock, IWebsiteLimits limits)
    {
        this.limits = limits;
        this.dbFactory = dbFactory;
        this.storage = storage;
        this.changes = changes;
        this.clock = clock;
        changes.Subscribe(ChangeTopic, Drop);
    }

    /// <summary>Raised after settings were saved on this node, with the saved settings.</summary>
    public event Action<WebsiteSettings>? Saved;

    public async Task<WebsiteSettings> GetAsync(string websiteId, CancellationToken ct = default)
    {
        if (_cache.TryGetValue(websiteId, out var cached) && IsFresh(cached))
            return cached.Settings;

        var generation = Interlocked.Read(ref _generation);
        WebsiteSettings? stored;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            stored = await db.WebsiteSettings.AsNoTracking().SingleOrDefaultAsync(s => s.WebsiteId == websiteId, ct);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            storage.Failed(StorageFile.Database, error);
            throw;
        }
        var settings = stored ?? WebsiteSettings.DefaultsFor(websiteId);
        // A change heard while reading may be newer than what was read: used once, not kept.
        if (Interlocked.Read(ref _generation) == generation)
            _cache[websiteId] = new Copy(settings, clock.GetUtcNow().UtcTicks);
        return settings;
    }

    /// <summary>Validates, normalises and stores; invalid settings are refused and nothing changes.</summary>
    public async Task<SettingsValidation> SaveAsync(WebsiteSettings settings, CancellationToken ct = default)
    {
        var validation = WebsiteSettingsValidator.Validate(settings);
        if (validation.Settings is null)
            return validation;

        var saved = validation.Settings with { UpdatedAt = DateTimeOffset.UtcNow };
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var exists = await db.WebsiteSettings.AnyAsync(s => s.WebsiteId == saved.WebsiteId, ct);
            if (exists) db.WebsiteSettings.Update(saved);
            else db.WebsiteSettings.Add(saved);
            await db.SaveChangesAsync(ct);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            storage.Failed(StorageFile.Database, error);
            throw;
        }
        storage.Succeeded(StorageFile.Database);

        await changes.AnnounceAsync(ChangeTopic, saved.WebsiteId, CancellationToken.None);
        // An owner who saves may have raised the plan: where Crisp refused new contacts, the next conversation tries one at once.
        await limits.SetNextAttemptAsync(saved.WebsiteId, clock.GetUtcNow(), CancellationToken.None);
        _cache[saved.WebsiteId] = new Copy(saved, clock.GetUtcNow().UtcTicks);
        Saved?.Invoke(saved);
        return validation with { Settings = saved };
    }

    private bool IsFresh(Copy copy) =>
        changes.CopyLifetime == Timeout.InfiniteTimeSpan || clock.GetUtcNow().UtcTicks - copy.ReadAtTicks < changes.CopyLifetime.Ticks;

    private void Drop(string? websiteId)
    {
        Interlocked.Increment(ref _generation);
        if (websiteId is null)
            _cache.Clear();
        else
            _cache.TryRemove(websiteId, out _);
    }
}
