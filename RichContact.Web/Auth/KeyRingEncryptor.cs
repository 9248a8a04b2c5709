using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace RichContact.Web.Auth;

/// <summary>
/// Encrypts each key of the cookie key ring with AES-256-GCM under <see cref="KeyRingSecret"/> (its
/// derived key, or a fresh key wrapped by its certificate) before the data-protection system stores
/// it (in <c>keys/</c>, or on PostgreSQL in its table).
/// </summary>
public sealed class KeyRingEncryptor(KeyRingSecret secret) : IXmlEncryptor
{
    internal const string ElementName = "richContactEncryptedKey";
    internal static readonly byte[] AssociatedData = "RichContact key ring v1"u8.ToArray();

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        byte[] key;
        XElement? wrapped = null;
        if (secret.Certificate is not { } certificate)
            key = secret.Key;
        else
        {
            key = RandomNumberGenerator.GetBytes(32);
            using var rsa = certificate.GetRSAPublicKey() ?? throw new CryptographicException("RichContact:Admin:KeyProtection: the certificate has no RSA key.");
            wrapped = new XElement("wrappedKey", new XAttribute("thumbprint", certificate.Thumbprint),
                Convert.ToBase64String(rsa.Encrypt(key, KeyRingSecret.WrapPadding)));
        }
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var ciphertext = new byte[plaintext.Length];
        using (var aes = new AesGcm(key, tag.Length))
            aes.Encrypt(nonce, plaintext, ciphertext, tag, AssociatedData);
        CryptographicOperations.ZeroMemory(plaintext);

        var element = new XElement(ElementName,
            new XComment(" Encrypted with AES-256-GCM under RichContact:Admin:KeyProtection. "),
            wrapped,
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(ciphertext)));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}
