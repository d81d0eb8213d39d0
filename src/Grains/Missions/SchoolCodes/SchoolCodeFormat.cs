using System.Security.Cryptography;

namespace PixOrga.Grains.Missions.SchoolCodes;

/// <summary>
/// School codes: what a pupil of 9 types in Pix Junior, read from the board. Eight characters from
/// an alphabet without look-alikes (no 0/O, no 1/I) give 32^8 = 2^40 codes: about 48,000 schools
/// leave a guessed code one chance in 20 million of naming a school.
/// </summary>
public static class SchoolCodeFormat
{
    public const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    public const int Length = 8;

    /// <summary>A fresh code drawn uniformly from the alphabet by the cryptographic generator.</summary>
    public static string Generate() => new(RandomNumberGenerator.GetItems<char>(Alphabet, Length));

    /// <summary>A code as typed: case, spaces and dashes do not matter.</summary>
    public static string Normalize(string? typed) =>
        new((typed ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    /// <summary>Whether a normalised code could have been generated; anything else is unknown without asking the database.</summary>
    public static bool IsWellFormed(string normalized) =>
        normalized.Length == Length && normalized.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
