using System.Diagnostics;
using Microsoft.Data.Sqlite;
using RichContact.Engine.Storage;
using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Web.Tests.Reliability;

/// <summary>
/// The real app in a child process (<c>dotnet RichContact.Web.dll</c>) against a sandbox over
/// loopback, killed with SIGKILL while contact jobs wait in their collection window, then started
/// again on the same data directory: every waiting conversation gets exactly one contact and one
/// activity entry, and a conversation started while it was dead is caught up.
/// <c>RICHCONTACT_SOAK=1</c> repeats the kill five times.
/// </summary>
public sealed class ProcessKillTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TempDataDirectory _data = new();
    private CrispSandbox _sandbox = null!;
    private NodeProcess? _app;
    private string? _lastQueryError;

    private string WebsiteId => _sandbox.Options.Websites[0].Id;

    public async Task InitializeAsync() => _sandbox = await CrispSandbox.StartAsync();

    public async Task DisposeAsync()
    {
        _app?.Dispose();
        await _sandbox.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Killed_while_jobs_wait_then_restarted_each_conversation_gets_exactly_one_contact_and_one_activity_entry()
    {
        var rounds = Environment.GetEnvironmentVariable("RICHCONTACT_SOAK") == "1" ? 5 : 1;
        var sessions = new List<string>();
        for (var round = 0; round < rounds; round++)
        {
            _app = await ChildApp.StartAsync(_sandbox, _data.Path);
            var waiting = new List<string>();
            // No name: the window waits its full length for one, so the jobs are still waiting at the kill
            // (with every detail at hand the window would close at once and the jobs run before it).
            for (var i = 1; i <= 3; i++)
                waiting.Add(await _sandbox.Control.StartConversationAsync(new StartConversationRequest
                {
                    WebsiteId = WebsiteId, Origin = "whatsapp", Phone = $"+3519123456{round}{i}",
                }));
            foreach (var session in waiting)
                await _app.WaitForOutputAsync($"{session} of website {WebsiteId}; contact job ", Timeout);

            _app.Kill();
            // Killed inside the window: no job had run (later rounds' processes also run the earlier rounds' jobs).
            if (round == 0)
                Assert.Empty(await _sandbox.Control.ProfilesAsync(WebsiteId));
            sessions.AddRange(waiting);
            // And one conversation starts while no process listens: the next start catches it up.
            sessions.Add(await _sandbox.Control.StartConversationAsync(new StartConversationRequest
            {
                WebsiteId = WebsiteId, Origin = "whatsapp", Phone = $"+3519123456{round}9", Nickname = $"Person {round}9",
            }));
        }

        _app = await ChildApp.StartAsync(_sandbox, _data.Path);
        var entries = await WaitForActivityAsync(sessions.Count);

        Assert.Equal(sessions.Order(), entries.Select(e => e.SessionId).Order());
        // Soak: a later round's process may be killed while it runs an earlier round's job, after the
        // contact was created and before its entry was written; the next process then finds it: "existing".
        var outcomes = rounds == 1 ? new[] { "Created" } : ["Created", "Existing"];
        Assert.All(entries, e => Assert.Contains(e.Outcome, outcomes));
        Assert.Equal(sessions.Count, (await _sandbox.Control.ProfilesAsync(WebsiteId)).Count);
    }

    private async Task<List<(string SessionId, string Outcome)>> WaitForActivityAsync(int count)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var entries = ReadActivity();
            // Every job this process can still run finished too (the catch-up schedules a second one for
            // some): no duplicate can still come. A job a killed process was running stays Processing
            // until Hangfire's invisibility timeout; when it runs again it finds the outcome and stops.
            if (entries.Count >= count && PendingJobs() == 0)
                return entries;
            Assert.True(deadline.Elapsed < Timeout, $"{entries.Count} of {count} activity entries and {PendingJobs()} unfinished jobs after the restart (last read error: {_lastQueryError ?? "none"}):\n{string.Join("\n", JobStates())}\n{_app!.Output}");
            await Task.Delay(200);
        }
    }

    private List<(string, string)> ReadActivity() =>
        Query(DataDirectory.DatabaseFileName, "SELECT SessionId, Outcome FROM activity", reader => (reader.GetString(0), reader.GetString(1)));

    /// <summary>
    /// Contact jobs in hangfire.db still to run, or running in the live process. A Scheduled job that
    /// is not in Hangfire's schedule set never runs: the storage commits a state change one command
    /// at a time, so a kill in the middle of one can leave such a job (its conversation is caught up).
    /// </summary>
    private int PendingJobs() =>
        Query(DataDirectory.JobStorageFileName, $"""
            SELECT COUNT(*) FROM Job j
            WHERE j.StateName = 'Scheduled' AND EXISTS (SELECT 1 FROM "Set" t WHERE t.Key = 'schedule' AND t.Value = CAST(j.Id AS TEXT))
               OR j.StateName = 'Enqueued' AND EXISTS (SELECT 1 FROM JobQueue q WHERE q.JobId = j.Id AND q.FetchedAt = 0)
               OR j.StateName = 'Processing' AND EXISTS (SELECT 1 FROM State s WHERE s.JobId = j.Id AND s.Name = 'Processing'
                                                         AND s.Data LIKE '%"ServerId":"richcontact:{_app!.ProcessId}:%')
            """, reader => reader.GetInt32(0))
            .DefaultIfEmpty(int.MaxValue).Single();

    /// <summary>Every job's id, state, state history and queue rows: what a failure needs to be explained.</summary>
    private List<string> JobStates() =>
        Query(DataDirectory.JobStorageFileName, """
            SELECT j.Id, j.StateName,
                   (SELECT group_concat(s.Name || ' ' || s.Data, ' > ') FROM State s WHERE s.JobId = j.Id),
                   (SELECT group_concat(q.FetchedAt, ',') FROM JobQueue q WHERE q.JobId = j.Id)
            FROM Job j
            """, reader => $"job {reader.GetInt64(0)} {(reader.IsDBNull(1) ? "-" : reader.GetString(1))}: {(reader.IsDBNull(2) ? "" : reader.GetString(2))}; queue rows fetched at {(reader.IsDBNull(3) ? "none" : reader.GetString(3))}");

    private List<T> Query<T>(string file, string sql, Func<SqliteDataReader, T> read)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_data.Path, file)};Mode=ReadOnly;Pooling=False");
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
                rows.Add(read(reader));
            return rows;
        }
        catch (SqliteException error)
        {
            // The schema is still being created, or the file is busy: read again on the next turn.
            _lastQueryError = $"{file}: {error.Message}";
            return [];
        }
    }

    /// <summary>RichContact.Web as an operator runs it, on SQLite in the data directory it is given, connected to RTM.</summary>
    private static class ChildApp
    {
        public static async Task<NodeProcess> StartAsync(CrispSandbox sandbox, string dataDirectory)
        {
            var app = NodeProcess.Start("app", sandbox, dataDirectory, new Dictionary<string, string>
            {
                // Long enough to kill the process before any job is due.
                ["RichContact__CollectionWindowSeconds"] = "8",
                ["RichContact__Admin__Password"] = "kill test password",
            });
            await app.WaitForOutputAsync("RTM connected and authenticated", Timeout);
            return app;
        }
    }
}
