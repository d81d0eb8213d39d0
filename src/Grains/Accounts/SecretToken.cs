using System.Security.Cryptography;
using System.Text;

namespace PixOrga.Grains.Accounts;

/// <summary>
/// Mints the opaque tokens of <see cref="Interfaces.Accounts.OpaqueToken"/> (256 random bits) and the
/// SHA-256 hashes that are all the user grain keeps of them.
/// </summary>
public static class SecretToken
{
    public static (string Token, string Hash) Create(Guid userId)
    {
        var token = userId.ToString("N") + "." + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Compares two hashes in constant time.</summary>
    public static bool Matches(string storedHash, string candidateHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(candidateHash));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
