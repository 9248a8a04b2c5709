using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace RichContact.Web.Auth;

/// <summary>
/// The admin cookie's key ring is stored encrypted (<see cref="KeyRingEncryptor"/>) under a secret
/// that is not where the key ring is (<see cref="KeyRingSecret"/>): a copy of the database or of
/// <c>keys/</c> alone cannot mint a login.
/// </summary>
public static class KeyRingProtection
{
    public static IServiceCollection AddKeyRingProtection(this IServiceCollection services)
    {
        services.TryAddSingleton<KeyRingSecret>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdminOptions>, KeyProtectionValidator>());
        services.AddOptions<KeyManagementOptions>().Configure<KeyRingSecret>((keys, secret) => keys.XmlEncryptor = new KeyRingEncryptor(secret));
        // Before the data-protection system's own start, which reads the key ring once and keeps it:
        // the keys revoked here must not be the ones it keeps.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, KeyRingUpgrade>());
        return services;
    }
}
