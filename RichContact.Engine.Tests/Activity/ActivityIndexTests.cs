using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RichContact.Engine.Activity;
using RichContact.Engine.Storage;
using RichContact.Engine.Tests.Support;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Activity;

/// <summary>What the queries over the activity table cost, read from SQLite's own query plans on a real file.</summary>
public sealed class ActivityIndexTests : IAsyncLifetime
{
    private readonly TempDataDirectory _data = new();
    private readonly CommandRecorder _sql = new();
    private EngineHost _engine = null!;

    public async Task InitializeAsync() =>
        _engine = await EngineHost.StartAsync(_data.Path, configure: services =>
            services.ConfigureDbContext<RichContactDb>(db => db.AddInterceptors(_sql)));

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Looking_up_a_conversations_outcome_uses_an_index_on_the_session_not_a_table_scan()
    {
        var log = _engine.Get<ActivityLog>();
        for (var i = 0; i < 50; i++)
            await log.RecordAsync(new ActivityEntry { WebsiteId = "website-1", SessionId = $"session_{i}", Outcome = ActivityOutcome.Created });

        var before = _sql.Commands.Count;
        Assert.True(await log.HasOutcomeAsync("website-1", "session_7"));
        var lookup = _sql.Commands.Skip(before).Single(ReadsActivity);

        var plan = await QueryPlanAsync(lookup);
        // A SCAN of the table (under its alias) reads every entry; SCAN CONSTANT ROW is EXISTS's own frame.
        Assert.False(Regex.IsMatch(plan, @"^SCAN (?!CONSTANT ROW)", RegexOptions.Multiline), plan);
        Assert.True(Regex.IsMatch(plan, @"SEARCH \w+ USING (COVERING )?INDEX UX_activity_outcome \(WebsiteId=\? AND SessionId=\?\)"), plan);
    }

    [Fact]
    public async Task Filter_lists_read_the_table_once_and_then_follow_new_entries_without_a_query()
    {
        var log = _engine.Get<ActivityLog>();
        await log.RecordAsync(new ActivityEntry { WebsiteId = "website-1", SessionId = "s1", Channel = "whatsapp", Outcome = ActivityOutcome.Created });
        await log.RecordAsync(new ActivityEntry { WebsiteId = "website-2", SessionId = "s2", Channel = "telegram", Outcome = ActivityOutcome.Skipped });
        var queries = _engine.Get<ActivityQueries>();
        var before = _sql.Commands.Count;

        // As the feed does on every live reload, several times a second.
        for (var reload = 0; reload < 10; reload++)
        {
            Assert.Equal(["website-1", "website-2"], await queries.WebsitesSeenAsync());
            Assert.Equal(["telegram", "whatsapp"], await queries.ChannelsSeenAsync());
            Assert.Equal(["whatsapp"], await queries.ChannelsSeenAsync("website-1"));
        }
        await log.RecordAsync(new ActivityEntry { WebsiteId = "website-3", SessionId = "s3", Channel = "line", Outcome = ActivityOutcome.Created });
        var afterInsert = _sql.Commands.Count;
        Assert.Equal(["website-1", "website-2", "website-3"], await queries.WebsitesSeenAsync());
        Assert.Equal(["line"], await queries.ChannelsSeenAsync("website-3"));

        Assert.Single(_sql.Commands.Skip(before), ReadsActivity);
        Assert.DoesNotContain(_sql.Commands.Skip(afterInsert), ReadsActivity);
    }

    /// <summary>Only the activity table's reads count: the engine's background services (the backfill resumer) query their own tables meanwhile.</summary>
    private static bool ReadsActivity(CommandRecorder.Command command) => command.Sql.StartsWith("SELECT") && command.Sql.Contains("FROM \"activity\"");

    private async Task<string> QueryPlanAsync(CommandRecorder.Command command)
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(_data.Path, DataDirectory.DatabaseFileName)};Pooling=False");
        await db.OpenAsync();
        await using var explain = db.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters)
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            plan.Add(reader.GetString(3));
        return string.Join("\n", plan);
    }
}
