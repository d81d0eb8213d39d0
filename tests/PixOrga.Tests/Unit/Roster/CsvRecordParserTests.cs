using System.Text;
using CsCheck;
using CsvHelper;
using PixOrga.Grains.Csv;
using Xunit;

namespace PixOrga.Tests.Unit.Roster;

public class CsvRecordParserTests
{
    [Theory]
    [InlineData("a;b", new[] { "a", "b" })]
    [InlineData(" a ;\tb\t", new[] { "a", "b" })]
    [InlineData(";;", new[] { "", "", "" })]
    [InlineData("a;b;", new[] { "a", "b", "" })]
    [InlineData("\"Dupont; Durand\";x", new[] { "Dupont; Durand", "x" })]
    [InlineData("\"Jean \"\"Jo\"\"\";y", new[] { "Jean \"Jo\"", "y" })]
    [InlineData("\"\"\"\"", new[] { "\"" })]
    [InlineData("\"\";x", new[] { "", "x" })]
    [InlineData("\"A\r\nB\";\"C\nD\"", new[] { "A\r\nB", "C\nD" })]
    [InlineData(" \"a\" ;b", new[] { "a", "b" })]
    [InlineData("\" a \";b", new[] { " a ", "b" })]
    [InlineData("a, b;c", new[] { "a, b", "c" })]
    [InlineData("\uFEFFa;b", new[] { "a", "b" })]
    [InlineData("a;\uFEFFb", new[] { "a", "\uFEFFb" })]
    [InlineData("\va\u00A0;b", new[] { "\va\u00A0", "b" })]
    public void TryParse_WellFormedRecord_GivesUnquotedTrimmedFields(string record, string[] fields)
    {
        var parser = new CsvRecordParser((byte)';');

        Assert.True(parser.TryParse(Encoding.UTF8.GetBytes(record)));
        Assert.Equal(fields, Fields(parser));
    }

    [Fact]
    public void TryParse_CommaSeparator_SplitsOnCommasOnly()
    {
        var parser = new CsvRecordParser((byte)',');

        Assert.True(parser.TryParse("\"a,b\",c;d"u8));
        Assert.Equal(["a,b", "c;d"], Fields(parser));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("a\"b;c")]
    [InlineData("ab\";c")]
    [InlineData("\"a\"b;c")]
    [InlineData("\"\"a")]
    [InlineData("x \"a\"")]
    [InlineData("\"a")]
    [InlineData("\"a\"\"")]
    [InlineData("a\nb")]
    [InlineData("a;b\r")]
    public void TryParse_MalformedRecord_IsRejected(string record)
    {
        var parser = new CsvRecordParser((byte)';');

        Assert.False(parser.TryParse(Encoding.UTF8.GetBytes(record)));
        Assert.Equal(0, parser.FieldCount);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'a', (byte)';' })]
    [InlineData(new byte[] { 0xFE, 0xFF, (byte)'a', (byte)';' })]
    [InlineData(new byte[] { 0x00, 0x00, 0xFE, 0xFF, (byte)'a' })]
    public void TryParse_RecordOpeningWithUtf16Or32Mark_IsRejected(byte[] record)
    {
        Assert.False(new CsvRecordParser((byte)';').TryParse(record));
    }

    [Fact]
    public void TryParse_BytesThatAreNotUtf8_AreKeptAsTheyAre()
    {
        var parser = new CsvRecordParser((byte)';');

        Assert.True(parser.TryParse([0x43, 0x9C, 0x75, 0x72, (byte)';', 0x92]));
        Assert.Equal([[0x43, 0x9C, 0x75, 0x72], [0x92]], Enumerable.Range(0, parser.FieldCount).Select(i => parser.Field(i).ToArray()));
    }

    [Fact]
    public void TryParse_ShorterRecordAfterLongerOne_GivesOnlyItsOwnFields()
    {
        var parser = new CsvRecordParser((byte)';');
        parser.TryParse("\"a long \"\"quoted\"\" value\";b;c;d"u8);

        Assert.True(parser.TryParse("\"x\";y"u8));
        Assert.Equal(["x", "y"], Fields(parser));
    }

    // CsvHelper reading the record alone, with the options the reader used before it read fields
    // itself, is the reference: uploads accepted or refused then must be read the same way now.
    [Fact]
    public void TryParse_AnyRecordTheSplitterCanCut_AgreesWithCsvHelper()
    {
        var alphabet = "ab ;,\"\"\"\t\r\né\v".Select(c => (byte)c).Concat<byte>([0xEF, 0xBB, 0xBF, 0xC3, 0xA9, 0x00]).ToArray();
        var genRecord = Gen.OneOf(alphabet).Array[0, 24].Where(CutBySplitter);

        Gen.Select(genRecord, Gen.OneOf((byte)';', (byte)',')).Sample(
            (record, separator) => Assert.Equal(ReadWithCsvHelper(record, separator), ReadWithParser(record, separator)),
            iter: 20_000);
    }

    private static string[] Fields(CsvRecordParser parser) =>
        Enumerable.Range(0, parser.FieldCount).Select(i => Encoding.UTF8.GetString(parser.Field(i))).ToArray();

    // The splitter ends a record at a line break outside quotes, so no record holds one.
    private static bool CutBySplitter(byte[] record)
    {
        var inQuotes = false;
        foreach (var b in record)
        {
            inQuotes ^= b == '"';
            if (!inQuotes && b is (byte)'\r' or (byte)'\n')
            {
                return false;
            }
        }

        return true;
    }

    private static string ReadWithParser(byte[] record, byte separator)
    {
        var parser = new CsvRecordParser(separator);
        return parser.TryParse(record)
            ? string.Join("|", Enumerable.Range(0, parser.FieldCount).Select(i => Convert.ToHexString(parser.Field(i))))
            : "malformed";
    }

    private static string ReadWithCsvHelper(byte[] record, byte separator)
    {
        // CsvHelper would transcode these from UTF-16 or UTF-32; the reader never accepted them.
        if (record.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || record.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || record.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return "malformed";
        }

        var options = new CsvReaderOptions
        {
            Separator = (char)separator,
            HasHeader = false,
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = false,
            DetectSeparatorHint = false,
        };
        try
        {
            using var reader = CsvReader.Create(record.AsMemory(), options);
            if (!reader.Read())
            {
                return "malformed";
            }

            var fields = string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToHexString(reader.GetSpan(i))));
            return reader.Read() ? "malformed" : fields;
        }
        catch (CsvFormatException)
        {
            return "malformed";
        }
    }
}
