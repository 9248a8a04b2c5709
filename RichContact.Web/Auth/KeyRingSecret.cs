using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using RichContact.Engine.Storage;

namespace RichContact.Web.Auth;

/// <summary>
/// The key that encrypts the admin cookie's key ring (<see cref="KeyRingProtection"/>), from
/// <see cref="AdminOptions.KeyProtection"/>: <c>secret:&lt;text&gt;</c> (given through the
/// environment), <c>file:&lt;path&gt;</c> (a file kept apart from the data),
/// <c>certificate:&lt;path&gt;</c> (a PEM file with an RSA certificate and its private key: each key
/// of the ring gets its own AES key, wrapped with RSA-OAEP), or by default, on one
/// node, <see cref="DataDirectory.KeyProtection"/>, created on first start. Never the database's:
/// a dump of it, or a copy of <c>keys/</c>, then opens no login.
/// </summary>
public sealed class KeyRingSecret(IOptions<AdminOptions> options, DataDirectory data)
{
    public const string SecretPrefix = "secret:";
    public const string FilePrefix = "file:";
    public const string CertificatePrefix = "certificate:";

    /// <summary>A secret shorter than this is refused: it is the only thing between a dump and a login.</summary>
    public const int MinimumSecretLength = 32;

    private static readonly byte[] Purpose = "RichContact admin cookie key ring"u8.ToArray();

    private readonly Lazy<byte[]> _key = new(() => Derive(Material(options.Value.KeyProtection, data)));

    /// <summary>An AES key a certificate wraps is 32 random bytes, wrapped with RSA-OAEP-SHA256.</summary>
    internal static readonly RSAEncryptionPadding WrapPadding = RSAEncryptionPadding.OaepSHA256;
    private readonly Lazy<X509Certificate2?> _certificate = new(() =>
        options.Value.KeyProtection?.StartsWith(CertificatePrefix, StringComparison.Ordinal) == true
            ? LoadCertificate(options.Value.KeyProtection[CertificatePrefix.Length..].Trim())
            : null);

    /// <summary>With <c>certificate:</c>, the certificate whose RSA key wraps each key's own AES key, instead of <see cref="Key"/>.</summary>
    public X509Certificate2? Certificate => _certificate.Value;

    private static X509Certificate2 LoadCertificate(string path) => X509Certificate2.CreateFromPemFile(path);

    /// <summary>An AES-256 key derived from the configured secret (HKDF-SHA256).</summary>
    public byte[] Key => _key.Value;

    private static byte[] Derive(string secret) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, System.Text.Encoding.UTF8.GetBytes(secret), 32, salt: null, info: Purpose);

    private static string Material(string? setting, DataDirectory data)
    {
        if (string.IsNullOrWhiteSpace(setting))
            return DefaultFile(data.KeyProtection);
        if (setting.StartsWith(SecretPrefix, StringComparison.Ordinal))
            return setting[SecretPrefix.Length..].Trim();
        // KeyProtectionValidator checked the form and that the file exists at start.
        return File.ReadAllText(setting[FilePrefix.Length..].Trim()).Trim();
    }

    /// <summary>Read, or made on the first start: 32 random bytes, readable by this user only.</summary>
    private static string DefaultFile(string path)
    {
        if (File.Exists(path))
            return File.ReadAllText(path).Trim();
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        DataFile.AtomicWriteAllText(path, secret + "\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return File.ReadAllText(path).Trim();
    }

    /// <summary>What is wrong with <paramref name="setting"/>, or null; for the start-up check.</summary>
    internal static string? Problem(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting))
            return null;
        if (setting.StartsWith(SecretPrefix, StringComparison.Ordinal))
            return setting[SecretPrefix.Length..].Trim().Length < MinimumSecretLength
                ? $"RichContact:Admin:KeyProtection: a secret must be at least {MinimumSecretLength} characters (e.g. secret:$(openssl rand -base64 32))."
                : null;
        if (setting.StartsWith(FilePrefix, StringComparison.Ordinal))
        {
            var path = setting[FilePrefix.Length..].Trim();
            if (!File.Exists(path))
                return $"RichContact:Admin:KeyProtection: the key file '{path}' does not exist; create it once (openssl rand -base64 32 > {path}) and give every node the same file.";
            return File.ReadAllText(path).Trim().Length < MinimumSecretLength
                ? $"RichContact:Admin:KeyProtection: the key file '{path}' must hold at least {MinimumSecretLength} characters (openssl rand -base64 32 > {path})."
                : null;
        }
        if (setting.StartsWith(CertificatePrefix, StringComparison.Ordinal))
        {
            var path = setting[CertificatePrefix.Length..].Trim();
            if (!File.Exists(path))
                return $"RichContact:Admin:KeyProtection: the certificate file '{path}' does not exist.";
            try
            {
                using var certificate = LoadCertificate(path);
                using var rsa = certificate.GetRSAPrivateKey();
                return rsa is null ? $"RichContact:Admin:KeyProtection: the certificate in '{path}' must be an RSA certificate with its private key." : null;
            }
            catch (CryptographicException e)
            {
                return $"RichContact:Admin:KeyProtection: '{path}' must be a PEM file holding an RSA certificate and its private key ({e.Message}).";
            }
        }
        return "RichContact:Admin:KeyProtection must be secret:<at least 32 characters>, file:<path of a key file> or certificate:<path of a PEM certificate with its key>; empty keeps a key file in the data directory (one node only).";
    }
}
