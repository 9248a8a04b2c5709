using System.Security.Cryptography;
using System.Text;

namespace RichContact.Web.Auth;

/// <summary>
/// A PBKDF2-SHA256 password hash as stored in <c>admin.json</c>, with the login cookies' stamp: random,
/// so that nothing about it follows from the hash (null in files written before it existed).
/// </summary>
public sealed record PasswordHash(string Algorithm, int Iterations, string Salt, string Hash, string? Stamp = null)
{
    private const string Pbkdf2Sha256 = "PBKDF2-SHA256";
    private const int DefaultIterations = 210_000; // OWASP's 2023 recommendation for PBKDF2-SHA256
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static PasswordHash Create(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, DefaultIterations);
        return new PasswordHash(Pbkdf2Sha256, DefaultIterations, Convert.ToBase64String(salt), Convert.ToBase64String(hash),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));
    }

    public bool Verify(string password)
    {
        if (Algorithm != Pbkdf2Sha256 || Iterations < 1)
            return false;
        var expected = Convert.FromBase64String(Hash);
        var actual = Derive(password, Convert.FromBase64String(Salt), Iterations);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>A random password that is easy to copy: 24 characters of URL-safe base64.</summary>
    public static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
