using System.Security.Cryptography;
using System.Text;

namespace RichContact.Sandbox.Hooks;

/// <summary>Crisp's web hook signature: lowercase hex HMAC-SHA256 over <c>"[" + timestamp + ";" + body + "]"</c>.</summary>
internal static class HookSignature
{
    public static string Sign(string secret, string timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes("[" + timestamp + ";" + body + "]");
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
