using Microsoft.EntityFrameworkCore;
using RichContact.Engine.Activity;
using RichContact.Engine.Backfill;
using RichContact.Engine.Storage;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Backfill;

/// <summary>
/// The engine against a sandbox whose websites already had conversations before the plugin was
/// installed (dated in the past, heard by nobody), and the backfill run over them.
/// </summary>
public abstract class BackfillTest : EngineEndToEndTest
{
    /// <summary>Batches of 4: every test runs through several chained Hangfire jobs.</summary>
    protected override IDictionary<string, string?> EngineSettings => new Dictionary<string, string?> { ["RichContact:Backfill:BatchConversations"] = "4" };

    protected BackfillRuns Runs => Engine.Get<BackfillRuns>();
    protected BackfillStore Store => Engine.Get<BackfillStore>();

    /// <summary>The range every test backfills: the last ten days.</summary>
    protected static DateTimeOffset RangeStart => DateTimeOffset.UtcNow.AddDays(-10);

    /// <summary>A conversation that happened <paramref name="daysAgo"/> days ago; the engine never heard it.</summary>
    protected Task<string> PastConversationAsync(string origin, double daysAgo, string? phone = null, string? nickname = null, string? email = null) =>
        Sandbox.Control.StartConversationAsync(new StartConversationRequest
        {
            WebsiteId = WebsiteId, Origin = origin, Phone = phone, Nickname = nickname, Email = email,
            CreatedAt = DateTimeOffset.UtcNow.AddDays(-daysAgo),
        });

    /// <summary><paramref name="count"/> WhatsApp conversations of different people over the last days.</summary>
    protected async Task<List<string>> PastWhatsAppConversationsAsync(int count)
    {
        var sessions = new List<string>();
        for (var i = 0; i < count; i++)
            sessions.Add(await PastConversationAsync("whatsapp", daysAgo: 1 + i * 0.5, phone: $"+35191200{i:D4}", nickname: $"Past {i}"));
        return sessions;
    }

    protected Task<BackfillPreview> PreviewAsync() => Runs.PreviewAsync(WebsiteId, RangeStart, DateTimeOffset.UtcNow);

    protected async Task<BackfillRun> RunAsync(long runId) => (await Store.GetAsync(runId))!;

    /// <summary>Waits until the run (read from richcontact.db) satisfies <paramref name="condition"/>.</summary>
    protected async Task<BackfillRun> UntilAsync(long runId, Func<BackfillRun, bool> condition, string what, TimeSpan? timeout = null)
    {
        BackfillRun? run = null;
        await Eventually.TrueAsync(async () => (run = await Store.GetAsync(runId)) is { } r && condition(r), what, timeout ?? TimeSpan.FromSeconds(60));
        return run!;
    }

    protected Task<BackfillRun> UntilStatusAsync(long runId, BackfillStatus status, TimeSpan? timeout = null) =>
        UntilAsync(runId, r => r.Status == status, $"the run to be {status}", timeout);

    /// <summary>Waits until the run's batch job has seen it stop (its forced progress line says the status).</summary>
    protected Task UntilTheJobStoppedAsync(long runId, BackfillStatus status) =>
        Eventually.TrueAsync(() => Logs.Lines.Any(l => l.Contains($"Backfill {runId} of website {WebsiteId}: {status},")), $"the batch job to stop on {status}");

    /// <summary>Every activity entry of the session in richcontact.db, whichever engine recorded it.</summary>
    protected async Task<List<ActivityEntry>> EntriesAsync(string sessionId)
    {
        await using var db = await Engine.Get<IDbContextFactory<RichContactDb>>().CreateDbContextAsync();
        return await db.Activity.AsNoTracking().Where(e => e.SessionId == sessionId).ToListAsync();
    }

    /// <summary>The run's listed conversations in richcontact.db; only those not decided yet when <paramref name="waiting"/>.</summary>
    protected async Task<int> ListedRowsAsync(long runId, bool waiting = false)
    {
        await using var db = await Engine.Get<IDbContextFactory<RichContactDb>>().CreateDbContextAsync();
        return await db.BackfillConversations.CountAsync(c => c.RunId == runId && (!waiting || c.Result == null));
    }

    protected const string MetaRoute = "/v1/website/{website_id}/conversation/{session_id}/meta";
    protected const string CreateRoute = "/v1/website/{website_id}/people/profile";
}
