using Microsoft.Extensions.Options;
using Npgsql;

namespace RichContact.Engine.Storage;

/// <summary>
/// Start-up validation of <see cref="StorageOptions"/>. Messages name the key and never quote the
/// connection string: it holds the password, and a parse error's message can quote part of it
/// (a password with a ';' reads as a keyword).
/// </summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!options.IsSqlite && !options.IsPostgres)
            return ValidateOptionsResult.Fail(
                $"RichContact:Storage:Provider must be '{StorageOptions.Sqlite}' (the default: SQLite files in the data directory) or '{StorageOptions.Postgres}' (got '{options.Provider}').");
        if (!options.IsPostgres)
            return ValidateOptionsResult.Success;
        if (options.CopyLifetimeSeconds is < 5 or > 3600 || double.IsNaN(options.CopyLifetimeSeconds))
            return ValidateOptionsResult.Fail($"RichContact:Storage:CopyLifetimeSeconds must be between 5 and 3600 (got {options.CopyLifetimeSeconds}).");

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail(
                "RichContact:Storage:ConnectionString is required when RichContact:Storage:Provider is postgres (e.g. Host=db;Database=richcontact;Username=richcontact;Password=…).");
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            if (string.IsNullOrWhiteSpace(parsed.Host))
                return ValidateOptionsResult.Fail("RichContact:Storage:ConnectionString names no Host (e.g. Host=db;Database=richcontact;Username=richcontact;Password=…).");
        }
        catch (Exception error) when (error is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            return ValidateOptionsResult.Fail(
                $"RichContact:Storage:ConnectionString is not a connection string Npgsql can read ({error.GetType().Name}); expected Key=value pairs separated by ';', e.g. Host=db;Database=richcontact;Username=richcontact;Password=….");
        }
        return ValidateOptionsResult.Success;
    }
}
