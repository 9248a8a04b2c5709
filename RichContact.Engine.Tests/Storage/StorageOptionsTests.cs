using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using RichContact.Engine.Storage;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Storage;

/// <summary>RichContact:Storage validated at start, and PostgreSQL's failures told apart (no server needed).</summary>
public class StorageOptionsTests : IDisposable
{
    private const string Password = "s3cret;Pooling=x";
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private static ValidateOptionsResult Validate(string? provider, string? connectionString = null) =>
        new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = provider!, ConnectionString = connectionString });

    [Theory]
    [InlineData("sqlite")]
    [InlineData("SQLite")]
    [InlineData("")]
    public void Sqlite_needs_nothing_else(string provider) => Assert.True(Validate(provider).Succeeded);

    [Fact]
    public void Postgres_with_a_connection_string_is_valid() =>
        Assert.True(Validate("Postgres", "Host=db;Database=richcontact;Username=rc;Password=x").Succeeded);

    [Fact]
    public void Unknown_provider_is_named() =>
        Assert.Contains("RichContact:Storage:Provider must be 'sqlite'", Validate("mysql").FailureMessage);

    [Fact]
    public void Postgres_without_a_connection_string_says_which_key_is_missing() =>
        Assert.Contains("RichContact:Storage:ConnectionString is required", Validate("postgres", " ").FailureMessage);

    [Theory]
    [InlineData("Host=db;Password=" + Password)]         // the password's ';' makes 'Pooling=x' an invalid value
    [InlineData("Host=db;Username=rc;Password='unterminated")]
    [InlineData("not a connection string " + Password)]
    public void Unreadable_connection_string_is_refused_without_quoting_it(string connectionString)
    {
        var result = Validate("postgres", connectionString);
        Assert.True(result.Failed);
        Assert.Contains("RichContact:Storage:ConnectionString is not a connection string Npgsql can read", result.FailureMessage);
        Assert.DoesNotContain("s3cret", result.FailureMessage);
        Assert.DoesNotContain("unterminated", result.FailureMessage);
    }

    [Fact]
    public void Connection_string_without_a_host_is_refused() =>
        Assert.Contains("names no Host", Validate("postgres", "Database=richcontact").FailureMessage);

    [Fact]
    public async Task Engine_refuses_to_start_with_an_invalid_storage_setting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => EngineHost.StartAsync(_data.Path,
            new Dictionary<string, string?> { ["RichContact:Storage:Provider"] = "postgres" }));
        Assert.Contains("RichContact:Storage:ConnectionString is required", error.Message);
    }

    [Theory]
    [InlineData("57P01")] // admin shutdown (pg_terminate_backend, a restart)
    [InlineData("57P03")] // cannot connect now (starting up, recovering)
    [InlineData("55000")] // database not accepting connections
    [InlineData("53100")] // disk full
    [InlineData("53300")] // too many connections
    [InlineData("08006")] // connection failure
    [InlineData("57014")] // statement timeout
    public void Unavailable_server_is_a_database_failure(string sqlState) =>
        Assert.True(DatabaseFailure.Is(new PostgresException("m", "FATAL", "FATAL", sqlState)));

    [Fact]
    public void Npgsql_client_failures_are_database_failures()
    {
        Assert.True(DatabaseFailure.Is(new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111))));
        Assert.True(DatabaseFailure.Is(new NpgsqlException("Exception while reading from stream", new TimeoutException())));
        Assert.True(DatabaseFailure.Is(new InvalidOperationException("wrapped", new NpgsqlException("broken"))));
    }

    [Theory]
    [InlineData("42P01")] // undefined table: a bug or a missing migration, not an outage
    [InlineData("42601")] // syntax error
    public void Query_errors_are_not_database_failures(string sqlState) =>
        Assert.False(DatabaseFailure.Is(new PostgresException("m", "ERROR", "ERROR", sqlState)));

    [Fact]
    public void Unique_violation_is_recognised_on_both_providers()
    {
        Assert.True(UniqueViolation.Is(new DbUpdateException("x", new PostgresException("m", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation))));
        Assert.False(UniqueViolation.Is(new DbUpdateException("x", new PostgresException("m", "ERROR", "ERROR", PostgresErrorCodes.ForeignKeyViolation))));
        Assert.False(UniqueViolation.Is(new DbUpdateException("x", new IOException())));
    }

    [Fact]
    public void Storage_failure_names_postgresql_instead_of_a_file()
    {
        var status = new StorageStatus(TimeProvider.System, Options.Create(new StorageOptions { Provider = "postgres", ConnectionString = "Host=db" }));
        status.Failed(StorageFile.Database, new NpgsqlException("refused"));
        status.Failed(StorageFile.JobStorage, new PostgresException("m", "FATAL", "FATAL", "57P01"));
        Assert.Equal("The settings and activity database (PostgreSQL) failed with NpgsqlException: " + StorageFailure.PostgresHint, status.Failures[0].Message);
        Assert.Equal("The job storage (Hangfire's schema in PostgreSQL) failed with PostgresException: " + StorageFailure.PostgresHint, status.Failures[1].Message);
        Assert.DoesNotContain(".db", string.Join(" ", status.Failures.Select(f => f.Message)));
    }
}
