using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace RichContact.Web.Auth;

/// <summary>
/// Keys stored before <see cref="KeyRingProtection"/> are in the clear, and a copy of them would
/// still mint logins until they expire (90 days): at start they are revoked, once. Logins made with
/// them end (the admin logs in again); new keys are encrypted.
/// </summary>
internal sealed partial class KeyRingUpgrade(IKeyManager keys, IOptions<KeyManagementOptions> options, ILogger<KeyRingUpgrade> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            RevokeKeysInTheClear();
        }
        catch (Exception e)
        {
            // The storage may be down at start; the next start tries again.
            LogFailed(e);
        }
        return Task.CompletedTask;
    }

    private void RevokeKeysInTheClear()
    {
        if (options.Value.XmlRepository is not { } repository)
            return;
        var inTheClear = repository.GetAllElements()
            .Where(e => e.Name.LocalName == "key" && e.Descendants().Any(d => d.Name.LocalName == "masterKey"))
            .Select(e => Guid.TryParse((string?)e.Attribute("id"), out var id) ? id : Guid.Empty)
            .ToHashSet();
        foreach (var key in keys.GetAllKeys().Where(k => inTheClear.Contains(k.KeyId) && !k.IsRevoked))
        {
            keys.RevokeKey(key.KeyId, "stored unencrypted, before RichContact:Admin:KeyProtection");
            LogRevoked(key.KeyId);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Revoked login cookie key {KeyId}: it was stored unencrypted. Logins made with it end; new keys are encrypted (RichContact:Admin:KeyProtection).")]
    private partial void LogRevoked(Guid keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the login cookie keys for ones stored unencrypted; the next start tries again.")]
    private partial void LogFailed(Exception exception);
}
