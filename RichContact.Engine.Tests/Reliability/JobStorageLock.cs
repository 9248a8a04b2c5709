using Microsoft.Data.Sqlite;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Tests.Reliability;

/// <summary>Holds hangfire.db's write lock from another connection, as a stuck process would.</summary>
internal sealed class JobStorageLock : IAsyncDisposable
{
    private readonly SqliteConnection _connection;

    private JobStorageLock(SqliteConnection connection) => _connection = connection;

    public static async Task<JobStorageLock> AcquireAsync(string dataDirectory)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, DataDirectory.JobStorageFileName)};Pooling=False");
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN EXCLUSIVE";
        await begin.ExecuteNonQueryAsync();
        return new JobStorageLock(connection);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var commit = _connection.CreateCommand())
        {
            commit.CommandText = "COMMIT";
            await commit.ExecuteNonQueryAsync();
        }
        await _connection.DisposeAsync();
    }
}
