using System.Security.Cryptography;
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
        var key = services.GetRequiredService<KeyRingSecret>().Key;
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
        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
