using Microsoft.EntityFrameworkCore;
using RichContact.Engine.Channels;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Activity;

/// <summary>
/// The websites and channels the activity log has seen, which the feed and the settings page offer
/// as filters. Those pages rebuild them on every live reload (up to four times a second), so they
/// are read from the database once — one pass over the table — and then kept up to date from the
/// live stream; the retention purge, which can remove a website's or channel's last entry, has them read again.
/// </summary>
public sealed class ActivityFilterLists
{
    private readonly IDbContextFactory<RichContactDb> _dbFactory;
    private readonly Lock _gate = new();
    // Website -> the channels its entries named. Entries recorded while the database is being read
    // land here too, so none is missed whichever comes first.
    private readonly Dictionary<string, HashSet<string>> _seen = new(StringComparer.Ordinal);
    private bool _loaded;
    private int _generation; // a Reload during a read makes that read stale

    public ActivityFilterLists(IDbContextFactory<RichContactDb> dbFactory, ActivityStream stream)
    {
        _dbFactory = dbFactory;
        stream.Recorded += entry => { lock (_gate) Add(entry.WebsiteId, entry.Channel); };
    }

    /// <summary>Every website id that has activity, in order.</summary>
    public async Task<IReadOnlyList<string>> WebsitesAsync(CancellationToken ct = default)
    {
        await LoadAsync(ct);
        lock (_gate) return _seen.Keys.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Every channel this website's activity named (every website's, when null), in order: known
    /// channels by name, any other as <see cref="ChannelOrigin.Other"/>.
    /// </summary>
    public async Task<IReadOnlyList<string>> ChannelsAsync(string? websiteId = null, CancellationToken ct = default)
    {
        await LoadAsync(ct);
        lock (_gate)
        {
            var channels = websiteId is null
                ? _seen.Values.SelectMany(c => c)
                : _seen.TryGetValue(websiteId, out var ofWebsite) ? ofWebsite : [];
            return channels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>Entries were deleted: the next request reads the lists from the database again.</summary>
    public void Reload()
    {
        lock (_gate)
        {
            _seen.Clear();
            _loaded = false;
            _generation++;
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        while (true)
        {
            int generation;
            lock (_gate)
            {
                if (_loaded)
                    return;
                generation = _generation;
            }
            await using var db = await _dbFactory.CreateDbContextAsync(ct);
            var pairs = await db.Activity.AsNoTracking().Select(e => new { e.WebsiteId, e.Channel }).Distinct().ToListAsync(ct);
            lock (_gate)
            {
                // A purge during the read emptied the lists: what was read may name deleted entries, and
                // answering from the emptied lists would leave out every other one. Read again.
                if (generation != _generation)
                    continue;
                foreach (var pair in pairs)
                    Add(pair.WebsiteId, pair.Channel);
                _loaded = true;
                return;
            }
        }
    }

    /// <summary>Under <see cref="_gate"/>.</summary>
    private void Add(string websiteId, string? channel)
    {
        if (!_seen.TryGetValue(websiteId, out var channels))
            _seen[websiteId] = channels = new HashSet<string>(StringComparer.Ordinal);
        // Known channels by name, the rest as one entry: a made-up origin cannot grow the lists.
        if (channel is not null)
            channels.Add(ChannelOrigin.Label(channel));
    }
}
