using System.Security.Cryptography;
using System.Text;

namespace RichContact.Engine.Crisp.Hooks;

/// <summary>
/// Crisp's Web Hooks signature (docs/crisp.md): lowercase hex HMAC-SHA256, keyed with the plugin's
/// hook secret, over <c>"[" + X-Crisp-Request-Timestamp + ";" + body + "]"</c>. Checked over the raw
/// bytes received, so nothing on the way may re-format the body.
/// </summary>
internal static class CrispHookSignature
{
    public static bool IsValid(string secret, string timestamp, ReadOnlySpan<byte> body, string? signature)
    {
        if (signature is null || signature.Length != 64)
            return false;
        var signed = new byte[body.Length + timestamp.Length + 3];
        signed[0] = (byte)'[';
        var length = 1 + Encoding.ASCII.GetBytes(timestamp, signed.AsSpan(1));
        signed[length++] = (byte)';';
        body.CopyTo(signed.AsSpan(length));
        signed[^1] = (byte)']';
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        Span<byte> given = stackalloc byte[32];
        return Convert.FromHexString(signature, given, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == 32
            && CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
