using Microsoft.EntityFrameworkCore;
using RichContact.Engine.Channels;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Activity;

/// <summary>
/// Read side of the activity log for the portal: paging, filters and statistics. The log holds no
/// personal data, so nothing here can show any.
/// </summary>
public sealed class ActivityQueries(IDbContextFactory<RichContactDb> dbFactory, ActivityFilterLists filterLists)
{
    /// <summary>Entries without a channel are counted under this name.</summary>
    public const string UnknownChannel = "unknown";

    /// <summary>Newest first; <paramref name="page"/> starts at 0.</summary>
    public async Task<ActivityPage> PageAsync(ActivityFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Apply(db.Activity.AsNoTracking(), filter);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.Id).Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToListAsync(ct);
        return new ActivityPage(items, total);
    }

    /// <summary>Rows per query of <see cref="ExportAsync"/>.</summary>
    public const int ExportPageSize = 500;

    /// <summary>
    /// Every entry the filter keeps, newest first, for an export. Read in short pages by id rather
    /// than one query: a reader holds richcontact.db's shared lock until its query ends, and a slow
    /// download must not keep contact jobs from recording what they did. Entries recorded during the
    /// export are not in it.
    /// </summary>
    public async IAsyncEnumerable<ActivityEntry> ExportAsync(ActivityFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        long? before = null;
        while (true)
        {
            List<ActivityEntry> page;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                var query = Apply(db.Activity.AsNoTracking(), filter);
                if (before is { } id)
                    query = query.Where(e => e.Id < id);
                page = await query.OrderByDescending(e => e.Id).Take(ExportPageSize).ToListAsync(ct);
            }
            foreach (var entry in page)
                yield return entry;
            if (page.Count < ExportPageSize)
                yield break;
            before = page[^1].Id;
        }
    }

    /// <summary>Statistics over the entries at or after <paramref name="since"/>.</summary>
    public async Task<ActivityStats> StatsAsync(DateTimeOffset since, string? websiteId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Apply(db.Activity.AsNoTracking(), new ActivityFilter(websiteId)).Where(e => e.At >= since);
        // A handful of small columns per entry; grouping by day and percentiles are simpler in memory
        // than in SQLite, which stores the timestamps as ticks.
        var rows = await query.Select(e => new { e.At, e.WebsiteId, e.Channel, e.Outcome, e.ElapsedMs }).ToListAsync(ct);

        var byOutcome = Enum.GetValues<ActivityOutcome>().ToDictionary(o => o, o => rows.Count(r => r.Outcome == o));
        var byChannel = rows.GroupBy(r => ChannelLabel(r.Channel))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
        var created = rows.Where(r => r.Outcome == ActivityOutcome.Created).ToList();
        var perDay = created
            .GroupBy(r => (Day: DateOnly.FromDateTime(r.At.UtcDateTime), Channel: ChannelLabel(r.Channel)))
            .Select(g => new DailyChannelCount(g.Key.Day, g.Key.Channel, g.Count()))
            .OrderBy(d => d.Day).ThenBy(d => d.Channel, StringComparer.Ordinal)
            .ToList();
        var elapsed = created.Where(r => r.ElapsedMs is not null).Select(r => r.ElapsedMs!.Value).Order().ToArray();

        var byWebsite = rows.Where(r => r.Outcome != ActivityOutcome.Mend).GroupBy(r => r.WebsiteId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());

        return new ActivityStats(byOutcome, byChannel, perDay, Percentile(elapsed, 0.50), Percentile(elapsed, 0.95), byWebsite);
    }

    /// <summary>The website's conversations that Crisp's contacts limit left without a contact and nothing decided since; null when there are none.</summary>
    public async Task<RefusedByLimit?> RefusedByLimitAsync(string websiteId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = db.Activity;
        var rows = await entries.AsNoTracking()
            .Where(e => e.WebsiteId == websiteId && e.Outcome == ActivityOutcome.Failed && e.Reason == Contacts.ReasonCodes.ContactsLimit)
            .Where(e => !entries.Any(o => o.WebsiteId == e.WebsiteId && o.SessionId == e.SessionId
                && (o.Outcome == ActivityOutcome.Created || o.Outcome == ActivityOutcome.Existing || o.Outcome == ActivityOutcome.Skipped || o.Outcome == ActivityOutcome.WouldCreate)))
            .Select(e => new { e.SessionId, e.FirstMessageAt, e.At })
            .ToListAsync(ct);
        if (rows.Count == 0)
            return null;
        // A conversation can fail more than once (a retry, a backfill while the limit held): counted once.
        var times = rows.GroupBy(r => r.SessionId).Select(g => g.Min(r => r.FirstMessageAt ?? r.At)).ToList();
        return new RefusedByLimit(times.Count, times.Min(), times.Max());
    }

    /// <summary>Every channel name this website's activity has seen (or every website's, when null).</summary>
    public Task<IReadOnlyList<string>> ChannelsSeenAsync(string? websiteId = null, CancellationToken ct = default) =>
        filterLists.ChannelsAsync(websiteId, ct);

    /// <summary>Every website id that has activity.</summary>
    public Task<IReadOnlyList<string>> WebsitesSeenAsync(CancellationToken ct = default) => filterLists.WebsitesAsync(ct);

    private static IQueryable<ActivityEntry> Apply(IQueryable<ActivityEntry> query, ActivityFilter filter)
    {
        if (filter.WebsiteId is not null) query = query.Where(e => e.WebsiteId == filter.WebsiteId);
        if (filter.Channel == ChannelOrigin.Other)
        {
            var known = ChannelOrigin.KnownChannelNames.ToList();
            query = query.Where(e => e.Channel != null && !known.Contains(e.Channel));
        }
        else if (filter.Channel is not null) query = query.Where(e => e.Channel == filter.Channel);
        if (filter.Outcome is not null) query = query.Where(e => e.Outcome == filter.Outcome);
        return query;
    }

    /// <summary>Known channels by name, any other as <see cref="ChannelOrigin.Other"/>: the overview's lists stay short.</summary>
    private static string ChannelLabel(string? channel) => channel is null ? UnknownChannel : ChannelOrigin.Label(channel);

    /// <summary>Nearest-rank percentile of sorted values; null when there are none.</summary>
    internal static long? Percentile(long[] sorted, double p)
    {
        if (sorted.Length == 0) return null;
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
