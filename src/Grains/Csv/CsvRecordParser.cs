using System.Buffers;

namespace PixOrga.Grains.Csv;

// Reads the fields of one record already cut by CsvRecordSplitter, by the rules CsvHelper applies
// with whitespace trimming and malformed data rejected: spaces and tabs around a field are dropped,
// a quoted field keeps its inner spaces and reads "" as one quote, and a quote anywhere else makes
// the record malformed. Since a record is already delimited, its fields need no reader of their own:
// one pass over its bytes finds them, and only a quoted field is copied to be unescaped.
internal sealed class CsvRecordParser
{
    private static readonly SearchValues<byte> QuoteOrLineBreak = SearchValues.Create("\"\r\n"u8);

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> Blanks => " \t"u8;

    private readonly byte _separator;

    // What ends an unquoted field; a quote or a line break there is malformed.
    private readonly SearchValues<byte> _unquotedEnd;
    private readonly List<Range> _fields = [];
    private byte[] _record = new byte[1024];

    public CsvRecordParser(byte separator)
    {
        _separator = separator;
        _unquotedEnd = SearchValues.Create([separator, (byte)'"', (byte)'\r', (byte)'\n']);
    }

    public int FieldCount => _fields.Count;

    /// <summary>The unquoted, unescaped bytes of a field, without the spaces and tabs around it.</summary>
    public ReadOnlySpan<byte> Field(int index) => _record.AsSpan(_fields[index]);

    /// <returns>false when the record is not exactly one well-formed CSV record.</returns>
    public bool TryParse(ReadOnlySpan<byte> record)
    {
        _fields.Clear();
        if (record.IsEmpty || StartsWithUtf16Or32ByteOrderMark(record))
        {
            return false;
        }

        // Files pasted together keep each one's UTF-8 mark at the start of a line; it is not data.
        if (record.StartsWith(Utf8ByteOrderMark))
        {
            record = record[Utf8ByteOrderMark.Length..];
            if (record.IsEmpty)
            {
                return false;
            }
        }

        // The fields are read from a copy, where unescaping a quoted field can shorten it in place.
        if (_record.Length < record.Length)
        {
            _record = new byte[Math.Max(record.Length, _record.Length * 2)];
        }

        var bytes = _record.AsSpan(0, record.Length);
        record.CopyTo(bytes);

        // Most records quote nothing: their fields lie between separators.
        if (!bytes.ContainsAny(QuoteOrLineBreak))
        {
            foreach (var field in bytes.Split(_separator))
            {
                AddTrimmed(bytes, field);
            }

            return true;
        }

        var position = 0;
        while (true)
        {
            var start = SkipBlanks(bytes, position);
            var read = start < bytes.Length && bytes[start] == '"'
                ? ReadQuoted(bytes, start)
                : ReadUnquoted(bytes, start);
            if (read < 0)
            {
                _fields.Clear();
                return false;
            }

            if (read == bytes.Length)
            {
                return true;
            }

            position = read + 1;
        }
    }

    // Returns where the field ends (at a separator or the end of the record), or -1 when malformed.
    private int ReadUnquoted(Span<byte> bytes, int start)
    {
        var length = bytes[start..].IndexOfAny(_unquotedEnd);
        var end = length < 0 ? bytes.Length : start + length;
        if (end < bytes.Length && bytes[end] != _separator)
        {
            return -1;
        }

        AddTrimmed(bytes, start..end);
        return end;
    }

    private void AddTrimmed(ReadOnlySpan<byte> bytes, Range field)
    {
        var (start, length) = field.GetOffsetAndLength(bytes.Length);
        var value = bytes.Slice(start, length);
        var trimmed = value.TrimStart(Blanks);
        start += value.Length - trimmed.Length;
        _fields.Add(new Range(start, start + trimmed.TrimEnd(Blanks).Length));
    }

    // The quoted text is unescaped over itself, from just after the opening quote: every "" read
    // leaves one byte behind, so the writing position never overtakes the reading one.
    private int ReadQuoted(Span<byte> bytes, int openingQuote)
    {
        var fieldStart = openingQuote + 1;
        var written = fieldStart;
        var read = fieldStart;
        while (true)
        {
            var quote = bytes[read..].IndexOf((byte)'"');
            if (quote < 0)
            {
                return -1;
            }

            bytes.Slice(read, quote).CopyTo(bytes[written..]);
            written += quote;
            read += quote + 1;
            if (read < bytes.Length && bytes[read] == '"')
            {
                bytes[written++] = (byte)'"';
                read++;
                continue;
            }

            _fields.Add(new Range(fieldStart, written));
            var end = SkipBlanks(bytes, read);
            return end == bytes.Length || bytes[end] == _separator ? end : -1;
        }
    }

    private static int SkipBlanks(ReadOnlySpan<byte> bytes, int position)
    {
        while (position < bytes.Length && bytes[position] is (byte)' ' or (byte)'\t')
        {
            position++;
        }

        return position;
    }

    // A record opening with one of these marks is UTF-16 or UTF-32 text (UTF-32 little-endian opens
    // like UTF-16 little-endian), encodings no upload is accepted in.
    private static bool StartsWithUtf16Or32ByteOrderMark(ReadOnlySpan<byte> record) =>
        record.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
        || record.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
        || record.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);
}
