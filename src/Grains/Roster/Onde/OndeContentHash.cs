using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PixOrga.Grains.Roster.Onde;

/// <summary>
/// A fingerprint of a list of pupils, so the same roster uploaded again can be recognised. Pupils are
/// taken in INE order: the order of rows in a file does not change what an import does.
/// </summary>
public static class OndeContentHash
{
    public static string Compute(IEnumerable<OndePupil> pupils)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var pupil in pupils.OrderBy(p => p.Ine, StringComparer.Ordinal))
        {
            Append(hash, pupil.Ine);
            Append(hash, pupil.LastName);
            Append(hash, pupil.FirstName);
            Append(hash, pupil.Cycle);
            Append(hash, pupil.Level == OndeLevel.Cm1 ? "CM1" : "CM2");
            Append(hash, pupil.ClassLabel);
            Append(hash, pupil.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // Each value is prefixed with its length so that no two different lists hash the same bytes
    // (("ab", "c") and ("a", "bc") would otherwise collide).
    private static void Append(IncrementalHash hash, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
