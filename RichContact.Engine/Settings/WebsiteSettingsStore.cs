using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Settings;

/// <summary>
/// Website settings in SQLite, cached in memory: every job reads the settings when it runs, and
/// saving replaces the cached copy at once, so a change applies to conversations already waiting.
/// </summary>
public sealed class WebsiteSettingsStore(IDbContextFactory<RichContactDb> dbFactory)
{
    private readonly ConcurrentDictionary<string, WebsiteSettings> _cache = new(StringComparer.Ordinal);

    /// <summary>Raised after settings were saved, with the saved settings.</summary>
    public event Action<WebsiteSettings>? Saved;

    public async Task<WebsiteSettings> GetAsync(string websiteId, CancellationToken ct = default)
    {
        if (_cache.TryGetValue(websiteId, out var cached))
            return cached;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.WebsiteSettings.AsNoTracking().SingleOrDefaultAsync(s => s.WebsiteId == websiteId, ct);
        return _cache.GetOrAdd(websiteId, stored ?? WebsiteSettings.DefaultsFor(websiteId));
    }

    /// <summary>Validates, normalises and stores; invalid settings are refused and nothing changes.</summary>
    public async Task<SettingsValidation> SaveAsync(WebsiteSettings settings, CancellationToken ct = default)
    {
        var validation = WebsiteSettingsValidator.Validate(settings);
        if (validation.Settings is null)
            return validation;

        var saved = validation.Settings with { UpdatedAt = DateTimeOffset.UtcNow };
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var exists = await db.WebsiteSettings.AnyAsync(s => s.WebsiteId == saved.WebsiteId, ct);
            if (exists) db.WebsiteSettings.Update(saved);
            else db.WebsiteSettings.Add(saved);
            await db.SaveChangesAsync(ct);
        }

        _cache[saved.WebsiteId] = saved;
        Saved?.Invoke(saved);
        return validation with { Settings = saved };
    }
}
