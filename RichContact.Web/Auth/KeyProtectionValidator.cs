using Microsoft.Extensions.Options;
using RichContact.Engine.Storage;

namespace RichContact.Web.Auth;

/// <summary>
/// Start-up check of <see cref="AdminOptions.KeyProtection"/>. On PostgreSQL it must be set: the
/// data directory's own key file would differ from node to node (a login made on one would not work
/// on another), and the key ring lives in the database a dump copies.
/// </summary>
internal sealed class KeyProtectionValidator(IOptions<StorageOptions> storage) : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        if (KeyRingSecret.Problem(options.KeyProtection) is { } problem)
            return ValidateOptionsResult.Fail(problem);
        if (storage.Value.IsPostgres && string.IsNullOrWhiteSpace(options.KeyProtection))
            return ValidateOptionsResult.Fail(
                "RichContact:Admin:KeyProtection must be set with RichContact:Storage:Provider=postgres: the same secret on every node "
                + "(secret:<at least 32 characters>, e.g. from the environment, or file:<path of a key file>), kept apart from the database, "
                + "so that a copy of the database opens no login.");
        return ValidateOptionsResult.Success;
    }
}
