using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;

namespace PixOrga.Grains.Accounts;

/// <summary>
/// Argon2id password hashes stored as PHC strings
/// (<c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c>, unpadded base64), so each hash carries the
/// parameters it was made with and can be upgraded at sign-in when <see cref="Argon2Parameters.Current"/> rises.
/// </summary>
public sealed class PasswordHasher(Argon2Parameters parameters)
{
    private const int SaltLength = 16;
    private const int HashLength = 32;
    private const string Prefix = "$argon2id$v=19$";

    // Checked against when the address has no account, so a wrong address costs as much as a wrong password.
    private readonly Lazy<string> dummyHash = new(() => HashWith(
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)), parameters));

    public Argon2Parameters Parameters => parameters;

    public string Hash(string password) => HashWith(password, parameters);

    public PasswordCheck Verify(string password, string encoded)
    {
        if (!TryParse(encoded, out var stored, out var salt, out var expected))
        {
            return new PasswordCheck(false, false);
        }

        var actual = Compute(password, salt, stored, expected.Length);
        var matches = CryptographicOperations.FixedTimeEquals(actual, expected);
        return new PasswordCheck(matches, matches && stored.IsWeakerThan(parameters));
    }

    /// <summary>Does the work of a verification that cannot succeed.</summary>
    public void VerifyDummy(string password) => Verify(password, dummyHash.Value);

    private static string HashWith(string password, Argon2Parameters with)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        var hash = Compute(password, salt, with, HashLength);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Prefix}m={with.MemoryKiB},t={with.Iterations},p={with.Parallelism}${ToBase64(salt)}${ToBase64(hash)}");
    }

    private static byte[] Compute(string password, byte[] salt, Argon2Parameters with, int length)
    {
        using var argon2 = new Argon2id(Encoding.UTF8.GetBytes(password))
        {
            Salt = salt,
            MemorySize = with.MemoryKiB,
            Iterations = with.Iterations,
            DegreeOfParallelism = with.Parallelism,
        };
        return argon2.GetBytes(length);
    }

    internal static bool TryParse(string encoded, out Argon2Parameters stored, out byte[] salt, out byte[] hash)
    {
        stored = Argon2Parameters.Current;
        salt = hash = [];
        if (!encoded.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = encoded[Prefix.Length..].Split('$');
        if (parts.Length != 3)
        {
            return false;
        }

        var factors = parts[0].Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p.Length == 2 ? p[1] : string.Empty);
        if (!TryFactor(factors, "m", out var memory) || !TryFactor(factors, "t", out var iterations) || !TryFactor(factors, "p", out var parallelism))
        {
            return false;
        }

        stored = new Argon2Parameters(memory, iterations, parallelism);
        return TryFromBase64(parts[1], out salt) && TryFromBase64(parts[2], out hash) && hash.Length > 0;
    }

    private static bool TryFactor(Dictionary<string, string> factors, string name, out int value)
    {
        value = 0;
        return factors.TryGetValue(name, out var text)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value > 0;
    }

    private static string ToBase64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static bool TryFromBase64(string text, out byte[] bytes)
    {
        var padded = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        bytes = new byte[padded.Length];
        if (Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        bytes = [];
        return false;
    }
}
