using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RichContact.Engine.Storage;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Storage;

public class MigrationTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Start_on_an_empty_data_directory_creates_both_databases_with_the_schema()
    {
        var dataDirectory = Path.Combine(_data.Path, "does", "not", "exist", "yet");

        await using (await EngineHost.StartAsync(dataDirectory)) { }

        Assert.True(File.Exists(Path.Combine(dataDirectory, DataDirectory.DatabaseFileName)));
        Assert.True(File.Exists(Path.Combine(dataDirectory, DataDirectory.JobStorageFileName)));
        await using var db = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, DataDirectory.DatabaseFileName)}");
        await db.OpenAsync();
        using var tables = db.CreateCommand();
        tables.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        var names = new List<string>();
        await using (var reader = await tables.ExecuteReaderAsync())
            while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        Assert.Contains("website_settings", names);
        Assert.Contains("activity", names);
        Assert.Contains("__EFMigrationsHistory", names);
    }

    [Fact]
    public void Model_the_features_configure_is_the_one_the_migrations_build()
    {
        using var db = new RichContactDb(new DbContextOptionsBuilder<RichContactDb>()
            .UseSqlite($"Data Source={Path.Combine(_data.Path, "model.db")}").Options);

        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Equal(["activity", "backfill_conversation", "backfill_run", "website_settings"],
            db.Model.GetEntityTypes().Select(t => t.GetTableName()).Order());
    }
}
