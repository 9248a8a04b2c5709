using Microsoft.EntityFrameworkCore;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Activity;

/// <summary>Which entries a view of the activity log shows; null means "any".</summary>
public sealed record ActivityFilter(string? WebsiteId = null, string? Channel = null, ActivityOutcome? Outcome = null)
{
    public bool Matches(ActivityEntry entry) =>
        (WebsiteId is null || entry.WebsiteId == WebsiteId) &&
        (Channel is null || entry.Channel == Channel) &&
        (Outcome is null || entry.Outcome == Outcome);
}

public sealed record ActivityPage(IReadOnlyList<ActivityEntry> Items, int Total);

/// <summary>One day's contacts created on one channel.</summary>
public sealed record DailyChannelCount(DateOnly Day, string Channel, int Count);

/// <summary>What the overview and the settings page summarise.</summary>
public sealed record ActivityStats(
    IReadOnlyDictionary<ActivityOutcome, int> ByOutcome,
    IReadOnlyDictionary<string, int> ByChannel,
    IReadOnlyList<DailyChannelCount> CreatedPerDay,
    long? P50ElapsedMs,
    long? P95ElapsedMs)
{
    public int Total => ByOutcome.Values.Sum();
}

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

    /// <summary>Statistics over the entries at or after <paramref name="since"/>.</summary>
    public async Task<ActivityStats> StatsAsync(DateTimeOffset since, string? websiteId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Apply(db.Activity.AsNoTracking(), new ActivityFilter(websiteId)).Where(e => e.At >= since);
        // A handful of small columns per entry; grouping by day and percentiles are simpler in memory
        // than in SQLite, which stores the timestamps as ticks.
        var rows = await query.Select(e => new { e.At, e.Channel, e.Outcome, e.ElapsedMs }).ToListAsync(ct);

        var byOutcome = Enum.GetValues<ActivityOutcome>().ToDictionary(o => o, o => rows.Count(r => r.Outcome == o));
        var byChannel = rows.GroupBy(r => r.Channel ?? UnknownChannel)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
        var created = rows.Where(r => r.Outcome == ActivityOutcome.Created).ToList();
        var perDay = created
            .GroupBy(r => (Day: DateOnly.FromDateTime(r.At.UtcDateTime), Channel: r.Channel ?? UnknownChannel))
            .Select(g => new DailyChannelCount(g.Key.Day, g.Key.Channel, g.Count()))
            .OrderBy(d => d.Day).ThenBy(d => d.Channel, StringComparer.Ordinal)
            .ToList();
        var elapsed = created.Where(r => r.ElapsedMs is not null).Select(r => r.ElapsedMs!.Value).Order().ToArray();

        return new ActivityStats(byOutcome, byChannel, perDay, Percentile(elapsed, 0.50), Percentile(elapsed, 0.95));
    }

    /// <summary>Every channel name this website's activity has seen (or every website's, when null).</summary>
    public Task<IReadOnlyList<string>> ChannelsSeenAsync(string? websiteId = null, CancellationToken ct = default) =>
        filterLists.ChannelsAsync(websiteId, ct);

    /// <summary>Every website id that has activity.</summary>
    public Task<IReadOnlyList<string>> WebsitesSeenAsync(CancellationToken ct = default) => filterLists.WebsitesAsync(ct);

    private static IQueryable<ActivityEntry> Apply(IQueryable<ActivityEntry> query, ActivityFilter filter)
    {
        if (filter.WebsiteId is not null) query = query.Where(e => e.WebsiteId == filter.WebsiteId);
        if (filter.Channel is not null) query = query.Where(e => e.Channel == filter.Channel);
        if (filter.Outcome is not null) query = query.Where(e => e.Outcome == filter.Outcome);
        return query;
    }

    /// <summary>Nearest-rank percentile of sorted values; null when there are none.</summary>
    internal static long? Percentile(long[] sorted, double p)
    {
        if (sorted.Length == 0) return null;
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
