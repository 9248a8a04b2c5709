using Microsoft.Data.Sqlite;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Tests.Reliability;

/// <summary>Makes richcontact.db refuse every new activity entry until disposed.</summary>
internal sealed class ActivityRefusal : IAsyncDisposable
{
    private readonly string _database;

    private ActivityRefusal(string database) => _database = database;

    public static async Task<ActivityRefusal> StartAsync(string dataDirectory)
    {
        var refusal = new ActivityRefusal(Path.Combine(dataDirectory, DataDirectory.DatabaseFileName));
        await refusal.ExecuteAsync("CREATE TRIGGER refuse_activity BEFORE INSERT ON activity BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
        return refusal;
    }

    public ValueTask DisposeAsync() => new(ExecuteAsync("DROP TRIGGER refuse_activity"));

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
