namespace PixOrga.Grains.Csv;

internal enum CsvSplitStatus
{
    NeedMoreInput,
    Record,
    TooLong,
    UnclosedQuote,
}

// Finds record boundaries in bytes pushed in chunks of any size. A CR or LF ends a record unless an
// odd number of quotes precedes it in the record: that is RFC 4180 for well-formed input, and
// CsvRecordParser then rejects any record whose quoting disagrees. Only the unfinished record is kept
// between chunks, and never more than the limit, so hostile input cannot grow memory.
internal sealed class CsvRecordSplitter(int maxRecordBytes)
{
    private byte[] _pending = new byte[1024];
    private int _pendingLength;
    private bool _pendingHandedOut;
    private bool _inQuotes;

    /// <summary>
    /// Consumes <paramref name="input"/> up to and including the next record end. The record is valid
    /// until the next call; it excludes its line break, and a CRLF yields an empty record after it.
    /// </summary>
    public CsvSplitStatus Next(ref ReadOnlySpan<byte> input, out ReadOnlySpan<byte> record)
    {
        ReleaseHandedOutRecord();
        record = default;
        var end = FindRecordEnd(input);
        if (end < 0)
        {
            var fits = Append(input);
            input = default;
            return fits ? CsvSplitStatus.NeedMoreInput : CsvSplitStatus.TooLong;
        }

        var head = input[..end];
        input = input[(end + 1)..];
        if (_pendingLength == 0)
        {
            if (head.Length > maxRecordBytes)
            {
                return CsvSplitStatus.TooLong;
            }

            record = head;
            return CsvSplitStatus.Record;
        }

        if (!Append(head))
        {
            return CsvSplitStatus.TooLong;
        }

        record = _pending.AsSpan(0, _pendingLength);
        _pendingHandedOut = true;
        return CsvSplitStatus.Record;
    }

    /// <summary>Hands out the last record, which has no line break after it (it may be empty).</summary>
    public CsvSplitStatus Finish(out ReadOnlySpan<byte> record)
    {
        ReleaseHandedOutRecord();
        record = _pending.AsSpan(0, _pendingLength);
        _pendingHandedOut = true;
        return _inQuotes ? CsvSplitStatus.UnclosedQuote : CsvSplitStatus.Record;
    }

    private void ReleaseHandedOutRecord()
    {
        if (_pendingHandedOut)
        {
            _pendingLength = 0;
            _pendingHandedOut = false;
        }
    }

    private int FindRecordEnd(ReadOnlySpan<byte> input)
    {
        var offset = 0;
        while (true)
        {
            var rest = input[offset..];
            var found = _inQuotes ? rest.IndexOf((byte)'"') : rest.IndexOfAny((byte)'"', (byte)'\r', (byte)'\n');
            if (found < 0)
            {
                return -1;
            }

            if (rest[found] != '"')
            {
                return offset + found;
            }

            _inQuotes = !_inQuotes;
            offset += found + 1;
        }
    }

    private bool Append(ReadOnlySpan<byte> bytes)
    {
        var length = _pendingLength + bytes.Length;
        if (length > maxRecordBytes)
        {
            return false;
        }

        if (length > _pending.Length)
        {
            Array.Resize(ref _pending, Math.Min(maxRecordBytes, Math.Max(length, _pending.Length * 2)));
        }

        bytes.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength = length;
        return true;
    }
}
