using System.Buffers;

namespace PixOrga.Grains.Csv;

/// <summary>
/// Cuts a byte stream that arrives in chunks of any size into blocks of complete CSV records.
/// A record ends at a line feed outside quotes; the quote and line-feed bytes are ASCII, so this
/// holds for UTF-8 and single-byte encodings alike, even when a chunk ends inside a character.
/// Only the unfinished tail is kept between chunks, so memory is bounded by the longest record.
/// </summary>
public sealed class CsvRecordSplitter(int maxRecordBytes)
{
    private readonly ArrayBufferWriter<byte> pending = new();
    private bool inQuotes;
    private int scanned;

    /// <summary>The unfinished record grew past the limit: the input is not a sane CSV file.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>The input ended inside a quoted field.</summary>
    public bool EndedInsideQuotes => inQuotes;

    /// <summary>Adds bytes and returns the complete records they finish (possibly none).</summary>
    public ReadOnlyMemory<byte> Feed(ReadOnlySpan<byte> chunk)
    {
        if (Overflowed)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        pending.Write(chunk);
        var buffer = pending.WrittenSpan;
        var lastEnd = -1;
        for (var i = scanned; i < buffer.Length; i++)
        {
            var b = buffer[i];
            if (b == (byte)'"')
            {
                inQuotes = !inQuotes;
            }
            else if (b == (byte)'\n' && !inQuotes)
            {
                lastEnd = i;
            }
        }

        scanned = buffer.Length;
        if (lastEnd < 0)
        {
            Overflowed = pending.WrittenCount > maxRecordBytes;
            return ReadOnlyMemory<byte>.Empty;
        }

        var complete = buffer[..(lastEnd + 1)].ToArray();
        var rest = buffer[(lastEnd + 1)..].ToArray();
        pending.Clear();
        pending.Write(rest);
        scanned = rest.Length;
        Overflowed = rest.Length > maxRecordBytes;
        return complete;
    }

    /// <summary>Returns what is left once the input has ended (a last record without line feed).</summary>
    public ReadOnlyMemory<byte> Finish()
    {
        var rest = pending.WrittenSpan.ToArray();
        pending.Clear();
        scanned = 0;
        return rest;
    }
}
