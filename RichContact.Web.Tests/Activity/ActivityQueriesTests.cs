using RichContact.Engine.Activity;
using RichContact.Web.Tests.Support;
using static RichContact.Web.Tests.Support.Activity;

namespace RichContact.Web.Tests.Activity;

public sealed class ActivityQueriesTests
{
    [Fact]
    public async Task Stats_count_created_contacts_per_channel_per_utc_day_since_the_given_time()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var log = ctx.Get<ActivityLog>();
        var day1 = new DateTimeOffset(2026, 11, 20, 23, 30, 0, TimeSpan.Zero);
        var day2 = day1.AddHours(1); // 00:30 the next UTC day
        await log.RecordAsync(Entry(channel: "whatsapp", at: day1));
        await log.RecordAsync(Entry(channel: "whatsapp", at: day2));
        await log.RecordAsync(Entry(channel: "whatsapp", at: day2.AddMinutes(1)));
        await log.RecordAsync(Entry(channel: "instagram", at: day2));
        await log.RecordAsync(Entry(channel: "instagram", outcome: ActivityOutcome.Skipped, at: day2));
        await log.RecordAsync(Entry(channel: "instagram", at: day1.AddDays(-3)));

        var stats = await ctx.Get<ActivityQueries>().StatsAsync(day1.AddHours(-1));

        Assert.Equal(
            [
                new DailyChannelCount(new DateOnly(2026, 11, 20), "whatsapp", 1),
                new DailyChannelCount(new DateOnly(2026, 11, 21), "instagram", 1),
                new DailyChannelCount(new DateOnly(2026, 11, 21), "whatsapp", 2),
            ],
            stats.CreatedPerDay);
        Assert.Equal(5, stats.Total);
        Assert.Equal(1, stats.ByOutcome[ActivityOutcome.Skipped]);
    }

    [Fact]
    public async Task Percentiles_use_the_nearest_rank_of_created_contacts()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var log = ctx.Get<ActivityLog>();
        for (var ms = 100; ms <= 2000; ms += 100)
            await log.RecordAsync(Entry(elapsedMs: ms));
        await log.RecordAsync(Entry(elapsedMs: null));

        var stats = await ctx.Get<ActivityQueries>().StatsAsync(DateTimeOffset.UtcNow.AddHours(-1));

        Assert.Equal(1000, stats.P50ElapsedMs);
        Assert.Equal(1900, stats.P95ElapsedMs);
    }

    [Fact]
    public async Task Stats_without_activity_have_no_percentiles()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();

        var stats = await ctx.Get<ActivityQueries>().StatsAsync(DateTimeOffset.UtcNow.AddDays(-1));

        Assert.Null(stats.P50ElapsedMs);
        Assert.Null(stats.P95ElapsedMs);
        Assert.Equal(0, stats.Total);
    }

    [Fact]
    public async Task Channels_seen_are_per_website_and_unknown_ones_are_one_other_entry()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var log = ctx.Get<ActivityLog>();
        await log.RecordAsync(Entry(website: "w-1", channel: "whatsapp"));
        await log.RecordAsync(Entry(website: "w-1", channel: "kakaotalk"));
        await log.RecordAsync(Entry(website: "w-2", channel: "wechat"));

        Assert.Equal(["other", "whatsapp"], await ctx.Get<ActivityQueries>().ChannelsSeenAsync("w-1"));
        Assert.Equal(["other", "whatsapp"], await ctx.Get<ActivityQueries>().ChannelsSeenAsync());
        Assert.Equal(["other"], await ctx.Get<ActivityQueries>().ChannelsSeenAsync("w-2"));
    }
    [Fact]
    public async Task The_export_reads_every_matching_entry_newest_first_across_its_pages_once_each()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var dbFactory = ctx.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<RichContact.Engine.Storage.RichContactDb>>();
        var count = ActivityQueries.ExportPageSize * 2 + 3;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            // Two websites interleaved, so that each page of one website's entries skips the other's.
            for (var i = 0; i < count; i++)
            {
                db.Activity.Add(Entry(website: "w-1", session: $"s1_{i:0000}"));
                db.Activity.Add(Entry(website: "w-2", session: $"s2_{i:0000}"));
            }
            await db.SaveChangesAsync();
        }

        var exported = new List<string>();
        await foreach (var entry in ctx.Get<ActivityQueries>().ExportAsync(new ActivityFilter("w-1")))
            exported.Add(entry.SessionId);

        Assert.Equal(Enumerable.Range(0, count).Reverse().Select(i => $"s1_{i:0000}"), exported);
    }
}
