using System.Buffers;
using System.Diagnostics;
using System.Security.Cryptography;
using PixOrga.Grains.Csv;

namespace PixOrga.Grains.Roster.Onde;

/// <summary>
/// Reads an ONDE pupil export pushed in chunks of any size and validates each record as soon as it
/// is complete. Memory is bounded by one chunk, the longest record and the rows read; the result
/// does not depend on where the chunks were cut. No input makes it throw: every outcome is a result.
/// </summary>
public sealed class OndeImportReader
{
    /// <summary>A record (line) longer than this, in bytes, is not an ONDE export.</summary>
    public const int MaxRecordBytes = 64 * 1024;

    /// <summary>A header with more columns than this is not an ONDE export.</summary>
    public const int MaxColumns = 1000;

    // Text files carry tabs and line breaks but almost no other control character; one in ten bytes
    // means a binary file that happened to contain no NUL.
    private const int MinBytesPerControlByte = 10;

    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(b => b is not ('\t' or '\n' or '\r')).Select(b => (byte)b)]);

    private readonly Utf8BomSkipper _bom = new();

    // The fingerprint of the file's bytes, taken as they arrive. It only lets the school grain
    // recognise the very same file without a diff; any other file, even with the same pupils in
    // another order, is diffed against the roster in memory and found unchanged there.
    private readonly IncrementalHash _fileHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly CsvRecordSplitter _splitter = new(MaxRecordBytes);
    private readonly OndeTextDecoder _decoder = new();
    private CsvRecordParser? _parser;
    private OndeHeader? _header;
    private OndeRowCollector? _rows;
    private long _recordBytes;
    private long _controlBytes;
    private int _dataLineCount;
    private bool _badFormat;
    private OndeImportResult? _result;

    public void Feed(ReadOnlySpan<byte> chunk)
    {
        if (_result is not null)
        {
            throw new InvalidOperationException("The file has already been completed.");
        }

        _fileHash.AppendData(chunk);
        var heldBack = _bom.Advance(ref chunk);
        Split(heldBack);
        Split(chunk);
    }

    /// <summary>Ends the input and returns the result; calling it again returns the same result.</summary>
    public OndeImportResult Complete()
    {
        if (_result is not null)
        {
            return _result;
        }

        Split(_bom.Flush());
        if (!_badFormat)
        {
            if (_splitter.Finish(out var last) == CsvSplitStatus.UnclosedQuote)
            {
                _badFormat = true;
            }
            else
            {
                ReadRecord(last);
            }
        }

        if (_header is null || _controlBytes * MinBytesPerControlByte > _recordBytes)
        {
            _badFormat = true;
        }

        _result = BuildResult();
        return _result;
    }

    private void Split(ReadOnlySpan<byte> bytes)
    {
        while (!_badFormat)
        {
            switch (_splitter.Next(ref bytes, out var record))
            {
                case CsvSplitStatus.NeedMoreInput:
                    return;
                case CsvSplitStatus.Record:
                    ReadRecord(record);
                    break;
                default:
                    _badFormat = true;
                    return;
            }
        }
    }

    private void ReadRecord(ReadOnlySpan<byte> record)
    {
        if (record.IsEmpty)
        {
            return;
        }

        if (record.Contains((byte)0))
        {
            _badFormat = true;
            return;
        }

        _recordBytes += record.Length;
        _controlBytes += CountControlBytes(record);
        if (_decoder.Observe(record))
        {
            SwitchToWindows1252();
        }

        if (_header is null)
        {
            ReadHeader(record);
        }
        else
        {
            ReadDataRow(record);
        }
    }

    private void ReadHeader(ReadOnlySpan<byte> record)
    {
        if (IsBlankBeforeHeader(record))
        {
            return;
        }

        var separator = DetectSeparator(record);
        if (separator is null)
        {
            _badFormat = true;
            return;
        }

        _parser = new CsvRecordParser(separator.Value);
        if (!_parser.TryParse(record) || _parser.FieldCount > MaxColumns)
        {
            _badFormat = true;
            return;
        }

        var names = new string[_parser.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = _decoder.Decode(_parser.Field(i));
        }

        _header = new OndeHeader(names);
        if (_header.ColumnIndexes is not null)
        {
            _rows = new OndeRowCollector();
        }
    }

    private void ReadDataRow(ReadOnlySpan<byte> record)
    {
        if (!_parser!.TryParse(record))
        {
            _badFormat = true;
            return;
        }

        if (AllFieldsBlank(_parser))
        {
            return;
        }

        if (_parser.FieldCount != _header!.FieldCount)
        {
            _badFormat = true;
            return;
        }

        _dataLineCount++;

        // Without every required column no row is validated, but the rest of the file is still read:
        // a badly formed record further down outranks missing columns.
        if (_rows is null)
        {
            return;
        }

        var columns = _header.ColumnIndexes!;
        var values = new string[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            values[i] = ReadValue(_parser.Field(columns[i]));
        }

        _rows.Add(_dataLineCount + 1, values);
    }

    // Every row repeats the cycle and the level; their usual values are ASCII without spaces, so
    // they read the same in both encodings and are taken as they are rather than as new strings.
    private string ReadValue(ReadOnlySpan<byte> field)
    {
        if (field.SequenceEqual("CYCLE III"u8))
        {
            return "CYCLE III";
        }

        if (field.SequenceEqual("CM1"u8))
        {
            return "CM1";
        }

        if (field.SequenceEqual("CM2"u8))
        {
            return "CM2";
        }

        return _decoder.Decode(field).Trim();
    }

    // A header that reads right as UTF-8 holds "é" as the bytes C3 A9, which Windows-1252 reads as
    // "Ã©", and its bytes are valid UTF-8 so they cannot hold a Windows-1252 "é" either. When a later
    // record shows the file is not UTF-8, the accented required columns are therefore missing, just
    // as if the encoding had been known from the first byte, and no row read so far can matter.
    private void SwitchToWindows1252()
    {
        _header?.RedecodeAsWindows1252();
        _rows = null;
    }

    private OndeImportResult BuildResult()
    {
        List<OndeImportError> errors;
        if (_badFormat)
        {
            errors = [OndeErrors.BadCsvFormat()];
        }
        else if (_rows is null)
        {
            errors = _header!.MissingColumns.Select(OndeErrors.HeaderRequired).ToList();
            Debug.Assert(errors.Count > 0, "Rows are only dropped when the header lacks a column.");
        }
        else
        {
            errors = [.. _rows.Errors];
        }

        var valid = errors.Count == 0;
        var pupils = valid ? _rows!.Pupils.ToList() : [];
        var hash = Convert.ToHexStringLower(_fileHash.GetHashAndReset());
        _fileHash.Dispose();
        return new OndeImportResult(
            errors,
            pupils,
            _dataLineCount,
            _rows?.IgnoredDuplicateCount ?? 0,
            _decoder.Encoding,
            valid ? hash : null);
    }

    // Spreadsheets leave lines of bare separators behind; like blank lines they are not rows. Only
    // ASCII whitespace counts as blank, so which lines are rows, and their numbers, do not depend
    // on the encoding the file turns out to have.
    private static bool AllFieldsBlank(CsvRecordParser parser)
    {
        for (var i = 0; i < parser.FieldCount; i++)
        {
            if (!IsAsciiWhitespace(parser.Field(i)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBlankBeforeHeader(ReadOnlySpan<byte> record)
    {
        foreach (var b in record)
        {
            if (b is not ((byte)';' or (byte)',') && !IsAsciiWhitespace(b))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiWhitespace(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (!IsAsciiWhitespace(b))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r';

    // ONDE writes ';' and spreadsheets often ','; the more frequent one outside quotes wins, ';' on a tie.
    private static byte? DetectSeparator(ReadOnlySpan<byte> header)
    {
        int semicolons = 0, commas = 0;
        var inQuotes = false;
        foreach (var b in header)
        {
            switch (b)
            {
                case (byte)'"':
                    inQuotes = !inQuotes;
                    break;
                case (byte)';' when !inQuotes:
                    semicolons++;
                    break;
                case (byte)',' when !inQuotes:
                    commas++;
                    break;
            }
        }

        if (semicolons == 0 && commas == 0)
        {
            return null;
        }

        return semicolons >= commas ? (byte)';' : (byte)',';
    }

    private static int CountControlBytes(ReadOnlySpan<byte> record)
    {
        var count = 0;
        for (var at = record.IndexOfAny(ControlBytes); at >= 0; at = record.IndexOfAny(ControlBytes))
        {
            count++;
            record = record[(at + 1)..];
        }

        return count;
    }
}
