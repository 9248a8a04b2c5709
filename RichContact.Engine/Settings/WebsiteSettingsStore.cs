using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Settings;

/// <summary>
/// Website settings in SQLite, cached in memory: every job reads the settings when it runs, and
/// saving replaces the cached copy at once, so a change applies to conversations already waiting.
/// Storage failures go to <see cref="StorageStatus"/> and on to the caller.
/// </summary>
public sealed class WebsiteSettingsStore(IDbContextFactory<RichContactDb> dbFactory, StorageStatus storage)
{
    private readonly ConcurrentDictionary<string, WebsiteSettings> _cache = new(StringComparer.Ordinal);

    /// <summary>Raised after settings were saved, with the saved settings.</summary>
    public event Action<WebsiteSettings>? Saved;

    public async Task<WebsiteSettings> GetAsync(string websiteId, CancellationToken ct = default)
    {
        if (_cache.TryGetValue(websiteId, out var cached))
            return cached;

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
        return _cache.GetOrAdd(websiteId, stored ?? WebsiteSettings.DefaultsFor(websiteId));
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

        _cache[saved.WebsiteId] = saved;
        Saved?.Invoke(saved);
        return validation with { Settings = saved };
    }
}
