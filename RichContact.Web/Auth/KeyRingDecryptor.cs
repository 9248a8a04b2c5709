using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace RichContact.Web.Auth;

/// <summary>
/// Reads what <see cref="KeyRingEncryptor"/> wrote. The data-protection system makes it by name with
/// the app's services, hence the <see cref="IServiceProvider"/> constructor.
/// </summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var secret = services.GetRequiredService<KeyRingSecret>();
        var key = encryptedElement.Element("wrappedKey") is { } wrapped ? Unwrap(secret, wrapped) : secret.Key;
        var nonce = Convert.FromBase64String((string?)encryptedElement.Element("nonce") ?? "");
        var tag = Convert.FromBase64String((string?)encryptedElement.Element("tag") ?? "");
        var ciphertext = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        var plaintext = new byte[ciphertext.Length];
        try
        {
            using var aes = new AesGcm(key, tag.Length);
            aes.Decrypt(nonce, ciphertext, tag, plaintext, KeyRingEncryptor.AssociatedData);
        }
        catch (CryptographicException e)
        {
            throw new CryptographicException(
                "A login cookie key was encrypted under another RichContact:Admin:KeyProtection secret than this one: logins it signed are not accepted. Give this node the same secret as the others.", e);
        }
        finally
        {
            if (encryptedElement.Element("wrappedKey") is not null)
                CryptographicOperations.ZeroMemory(key);
        }
        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static byte[] Unwrap(KeyRingSecret secret, XElement wrapped)
    {
        using var rsa = secret.Certificate?.GetRSAPrivateKey()
            ?? throw new CryptographicException("A login cookie key was encrypted with a certificate, and RichContact:Admin:KeyProtection names none (certificate:<path>): logins it signed are not accepted.");
        try
        {
            return rsa.Decrypt(Convert.FromBase64String(wrapped.Value), KeyRingSecret.WrapPadding);
        }
        catch (CryptographicException e)
        {
            throw new CryptographicException($"A login cookie key was encrypted with another certificate (thumbprint {(string?)wrapped.Attribute("thumbprint")}) than RichContact:Admin:KeyProtection's: logins it signed are not accepted.", e);
        }
    }
}
