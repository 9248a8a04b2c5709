using Microsoft.Data.Sqlite;
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

        Assert.True(File.Exists(Path.Combine(dataDirectory, "richcontact.db")));
        Assert.True(File.Exists(Path.Combine(dataDirectory, "hangfire.db")));
        await using var db = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "richcontact.db")}");
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
}
