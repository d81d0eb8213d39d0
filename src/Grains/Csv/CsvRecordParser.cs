using CsvHelper;

namespace PixOrga.Grains.Csv;

// Reads the fields of one record already cut by CsvRecordSplitter. CsvHelper cannot be fed chunk by
// chunk, but it can read a record in memory; asking it for exactly one well-formed record also
// catches any record whose quoting the splitter read differently.
internal sealed class CsvRecordParser
{
    private readonly CsvReaderOptions _options;
    private byte[] _input = new byte[1024];
    private byte[] _fieldBytes = new byte[1024];
    private readonly List<Range> _fields = [];

    public CsvRecordParser(char separator)
    {
        _options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = false,
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = false,
            DetectSeparatorHint = false,
            IncludeValuesInExceptions = false,
        };
    }

    public int FieldCount => _fields.Count;

    /// <summary>The unquoted, unescaped bytes of a field, without the spaces and tabs around it.</summary>
    public ReadOnlySpan<byte> Field(int index) => _fieldBytes.AsSpan(_fields[index]);

    /// <returns>false when the record is not exactly one well-formed CSV record.</returns>
    public bool TryParse(ReadOnlySpan<byte> record)
    {
        _fields.Clear();

        // CsvHelper would read these byte order marks as a request to transcode from UTF-16; in an
        // upload they can only mean a file that is not CSV text in an accepted encoding.
        if (record.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || record.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return false;
        }

        EnsureCapacity(ref _input, record.Length);
        record.CopyTo(_input);
        try
        {
            using var reader = CsvReader.Create(_input.AsMemory(0, record.Length), _options);
            if (!reader.Read())
            {
                return false;
            }

            CopyFields(reader);
            return !reader.Read();
        }
        catch (CsvFormatException)
        {
            _fields.Clear();
            return false;
        }
    }

    private void CopyFields(CsvReader reader)
    {
        var used = 0;
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var field = reader.GetSpan(i);
            EnsureCapacity(ref _fieldBytes, used + field.Length);
            field.CopyTo(_fieldBytes.AsSpan(used));
            _fields.Add(new Range(used, used + field.Length));
            used += field.Length;
        }
    }

    private static void EnsureCapacity(ref byte[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            Array.Resize(ref buffer, Math.Max(length, buffer.Length * 2));
        }
    }
}
