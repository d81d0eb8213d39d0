using System.Security.Cryptography;
using System.Text;

namespace PixOrga.Grains.Team;

/// <summary>
/// The secret of an invitation link: 128 random bits, base64url so it travels in a URL as is.
/// Only its SHA-256 is stored (the code has full entropy, so a slow hash adds nothing), and it is
/// compared in constant time.
/// </summary>
public static class InvitationCode
{
    private const int Bytes = 16;

    public static (string Code, string Hash) New()
    {
        var code = Base64Url(RandomNumberGenerator.GetBytes(Bytes));
        return (code, Hash(code));
    }

    public static string Hash(string code) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    public static bool Matches(string storedHash, string? code)
    {
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(code ?? string.Empty));
        var expected = new byte[32];
        var decoded = Convert.TryFromBase64String(storedHash, expected, out var written) && written == expected.Length;
        return CryptographicOperations.FixedTimeEquals(expected, given) && decoded && !string.IsNullOrEmpty(code);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
