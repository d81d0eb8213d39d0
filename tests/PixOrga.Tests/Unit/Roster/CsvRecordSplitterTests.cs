using System.Text;
using PixOrga.Grains.Csv;
using Xunit;

namespace PixOrga.Tests.Unit.Roster;

public class CsvRecordSplitterTests
{
    // Separators, doubled quotes and both line ends inside quotes; LF and CRLF between records; a
    // multi-byte character; no line end after the last record.
    private const string Text =
        "Nom;Prénom;Classe\r\n\"Dupont; Durand\";\"Jean \"\"Jo\"\"\";\"CM1\r\nA\"\n Cœur ;\"\";\"B\nC\"\r\nMartin;Léa;CM2";

    private static readonly string[][] Expected =
    [
        ["Nom", "Prénom", "Classe"],
        ["Dupont; Durand", "Jean \"Jo\"", "CM1\r\nA"],
        ["Cœur", "", "B\nC"],
        ["Martin", "Léa", "CM2"],
    ];

    [Fact]
    public void Next_OneChunk_CutsRecordsOnLineEndsOutsideQuotes()
    {
        Assert.Equal(Expected, Read(Encoding.UTF8.GetBytes(Text), [int.MaxValue]));
    }

    [Fact]
    public void Next_TwoChunksCutAtEveryByte_GivesTheSameRecords()
    {
        var bytes = Encoding.UTF8.GetBytes(Text);
        for (var cut = 0; cut <= bytes.Length; cut++)
        {
            Assert.Equal(Expected, Read(bytes, [cut, int.MaxValue]));
        }
    }

    [Fact]
    public void Next_OneByteChunks_GivesTheSameRecords()
    {
        var bytes = Encoding.UTF8.GetBytes(Text);

        Assert.Equal(Expected, Read(bytes, Enumerable.Repeat(1, bytes.Length)));
    }

    [Fact]
    public void Finish_QuoteLeftOpen_IsUnclosedQuote()
    {
        var splitter = new CsvRecordSplitter(1024);
        var input = (ReadOnlySpan<byte>)"a;\"b\nc"u8;

        Assert.Equal(CsvSplitStatus.NeedMoreInput, splitter.Next(ref input, out _));
        Assert.Equal(CsvSplitStatus.UnclosedQuote, splitter.Finish(out _));
    }

    [Fact]
    public void Next_RecordOverLimit_IsTooLong()
    {
        var splitter = new CsvRecordSplitter(4);
        var input = (ReadOnlySpan<byte>)"abcde\n"u8;

        Assert.Equal(CsvSplitStatus.TooLong, splitter.Next(ref input, out _));
    }

    // Splits the bytes in chunks of the given sizes and parses every non-empty record (a CRLF
    // yields an empty record after its CR).
    private static List<string[]> Read(byte[] bytes, IEnumerable<int> chunkSizes)
    {
        var splitter = new CsvRecordSplitter(1024);
        var parser = new CsvRecordParser((byte)';');
        var records = new List<string[]>();
        void Add(ReadOnlySpan<byte> record)
        {
            if (!record.IsEmpty)
            {
                Assert.True(parser.TryParse(record));
                records.Add(Enumerable.Range(0, parser.FieldCount).Select(i => Encoding.UTF8.GetString(parser.Field(i))).ToArray());
            }
        }

        var offset = 0;
        foreach (var size in chunkSizes)
        {
            ReadOnlySpan<byte> chunk = bytes.AsSpan(offset, Math.Min(size, bytes.Length - offset));
            offset += chunk.Length;
            while (splitter.Next(ref chunk, out var record) == CsvSplitStatus.Record)
            {
                Add(record);
            }

            if (offset == bytes.Length)
            {
                break;
            }
        }

        Assert.Equal(CsvSplitStatus.Record, splitter.Finish(out var last));
        Add(last);
        return records;
    }
}
