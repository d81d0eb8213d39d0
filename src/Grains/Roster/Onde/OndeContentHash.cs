using System.Buffers;
using System.Buffers.Binary;
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
        // The values are written out in order and hashed in one call, which gives the same
        // fingerprint as hashing them one by one did: stored fingerprints still match. A pupil
        // rarely takes more than 128 bytes, so the buffer is seldom grown.
        var bytes = new ArrayBufferWriter<byte>(pupils.TryGetNonEnumeratedCount(out var count) ? Math.Max(256, count * 128) : 4096);
        foreach (var pupil in pupils.OrderBy(p => p.Ine, StringComparer.Ordinal))
        {
            Append(bytes, pupil.Ine);
            Append(bytes, pupil.LastName);
            Append(bytes, pupil.FirstName);
            Append(bytes, pupil.Cycle);
            Append(bytes, pupil.Level == OndeLevel.Cm1 ? "CM1" : "CM2");
            Append(bytes, pupil.ClassLabel);
            AppendDate(bytes, pupil.BirthDate);
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes.WrittenSpan));
    }

    // Each value is prefixed with its length so that no two different lists hash the same bytes
    // (("ab", "c") and ("a", "bc") would otherwise collide).
    private static void Append(ArrayBufferWriter<byte> bytes, string value)
    {
        var span = bytes.GetSpan(sizeof(int) + Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, span[sizeof(int)..]);
        BinaryPrimitives.WriteInt32LittleEndian(span, length);
        bytes.Advance(sizeof(int) + length);
    }

    // As "yyyy-MM-dd" would format it, without reading the format for every pupil.
    private static void AppendDate(ArrayBufferWriter<byte> bytes, DateOnly date)
    {
        const int Length = 10;
        var span = bytes.GetSpan(sizeof(int) + Length);
        BinaryPrimitives.WriteInt32LittleEndian(span, Length);
        var (year, month, day) = date;
        WriteDigits(span.Slice(sizeof(int), 4), year);
        span[sizeof(int) + 4] = (byte)'-';
        WriteDigits(span.Slice(sizeof(int) + 5, 2), month);
        span[sizeof(int) + 7] = (byte)'-';
        WriteDigits(span.Slice(sizeof(int) + 8, 2), day);
        bytes.Advance(sizeof(int) + Length);
    }

    private static void WriteDigits(Span<byte> digits, int value)
    {
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            digits[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }
}
