using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;
using RichContact.Engine.Activity;
using RichContact.Engine.Crisp;
using RichContact.Engine.Storage;
using RichContact.Engine.Storage.Postgres;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Storage.Postgres;

/// <summary>The engine started on an empty PostgreSQL database: migrated, and the model matches the migrations.</summary>
public class PostgresMigrationTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private Task<EngineHost> StartAsync() => EngineHost.StartAsync(_data.Path, postgres.EngineSettings);

    [Fact]
    public async Task Start_on_an_empty_database_applies_the_migrations_and_creates_hangfire_schema()
    {
        await using var empty = await PostgresDatabase.CreateAsync();
        await using var engine = await EngineHost.StartAsync(_data.Path, empty.EngineSettings);

        await using (var db = await engine.Get<IDbContextFactory<RichContactDb>>().CreateDbContextAsync())
        {
            Assert.IsType<PostgresRichContactDb>(db);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges());
        }
        var tables = await TablesAsync(empty.ConnectionString);
        Assert.Contains("public.website_settings", tables);
        Assert.Contains("public.activity", tables);
        Assert.Contains("public.backfill_run", tables);
        Assert.Contains("public.backfill_conversation", tables);
        Assert.Contains("public.__EFMigrationsHistory", tables);
        Assert.Contains($"{PostgresStorage.HangfireSchema}.job", tables);
        // Nothing in the data directory but what node state still keeps there.
        Assert.False(File.Exists(Path.Combine(_data.Path, DataDirectory.DatabaseFileName)));
        Assert.False(File.Exists(Path.Combine(_data.Path, DataDirectory.JobStorageFileName)));
    }

    [Fact]
    public async Task Second_start_on_a_migrated_database_applies_nothing()
    {
        await using var empty = await PostgresDatabase.CreateAsync();
        async Task<IReadOnlyCollection<string>> StartAndStopAsync()
        {
            var logs = new CapturingLoggerProvider();
            await using (await EngineHost.StartAsync(_data.Path, empty.EngineSettings, services => services.AddLogging(l => l.AddProvider(logs)))) { }
            return logs.Lines;
        }

        Assert.Contains(await StartAndStopAsync(), l => l.Contains("Applying") && l.Contains("_Initial"));
        Assert.DoesNotContain(await StartAndStopAsync(), l => l.Contains("Applying"));
    }

    [Fact]
    public async Task Both_providers_models_match_their_migrations()
    {
        await using (var sqlite = new RichContactDb(new DbContextOptionsBuilder<RichContactDb>().UseSqlite("Data Source=:memory:").Options))
            Assert.False(sqlite.Database.HasPendingModelChanges());
        await using (var pg = new PostgresRichContactDb(new DbContextOptionsBuilder<RichContactDb>().UseNpgsql(postgres.ConnectionString).Options))
            Assert.False(pg.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Filtered_unique_indexes_are_postgres_indexes_with_their_filters()
    {
        await using (await StartAsync()) { }
        var indexes = new Dictionary<string, string>();
        await using (var connection = new NpgsqlConnection(postgres.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) indexes[reader.GetString(0)] = reader.GetString(1);
        }
        Assert.Contains("UNIQUE", indexes[ActivityTable.OutcomeIndex]);
        Assert.Contains("WHERE", indexes[ActivityTable.OutcomeIndex]);
        Assert.Contains("'WouldCreate'", indexes[ActivityTable.OutcomeIndex]);
        Assert.Contains("UNIQUE", indexes["UX_backfill_run_active"]);
        Assert.Contains("'WaitingForBudget'", indexes["UX_backfill_run_active"]);
    }

    [Fact]
    public async Task Second_outcome_of_a_conversation_is_refused_by_the_index_and_dropped_not_failed()
    {
        await using var engine = await StartAsync();
        var log = engine.Get<ActivityLog>();
        var session = "session_" + Guid.NewGuid().ToString("N");
        ActivityEntry Entry(ActivityOutcome outcome) => new() { WebsiteId = "website-pg", SessionId = session, Outcome = outcome };

        Assert.True(await log.RecordAsync(Entry(ActivityOutcome.Created)));
        Assert.False(await log.RecordAsync(Entry(ActivityOutcome.Existing)));
        Assert.True(await log.RecordAsync(Entry(ActivityOutcome.Failed)));
        Assert.True(await log.HasOutcomeAsync("website-pg", session));
        Assert.Empty(engine.Get<StorageStatus>().Failures);
    }

    [Fact]
    public async Task Readiness_names_postgresql()
    {
        await using var engine = await StartAsync();
        engine.Get<CrispConnectionStatus>().Set(CrispConnectionState.Connected);
        var report = await engine.Get<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"));
        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal("PostgreSQL database ready.", report.Entries["database"].Description);

        var storage = engine.Get<StorageStatus>();
        storage.Failed(StorageFile.Database, new NpgsqlException("refused"));
        report = await engine.Get<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"));
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["storage"].Status);
        Assert.Contains("PostgreSQL", report.Entries["storage"].Description);
        Assert.DoesNotContain(DataDirectory.DatabaseFileName, report.Entries["storage"].Description);
    }

    private static async Task<List<string>> TablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", connection);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }
}
