using System.Text;
using CsCheck;
using PixOrga.Grains.Roster.Onde;
using Xunit;
using static PixOrga.Tests.Unit.Roster.OndeFile;

namespace PixOrga.Tests.Unit.Roster;

public class OndeImportReaderChunkingTests
{
    // Values chosen to put multi-byte characters, Windows-1252 specials, quotes, separators and
    // newlines inside quotes, and invalid values where chunk boundaries can fall.
    private static readonly string[] Names =
        ["Martin", "Chloé", "L’Hôte", "Cœur", "\"Dupont; Durand\"", "\"Jean \"\"Jo\"\"\"", "\"A\r\nB\"", " Zoé ", "", "Müller"];

    private static readonly string[] Levels = ["CM1", "CM2", "CE2"];

    private static readonly string[] Dates = ["2014-05-06", "2013-12-31", "2014-02-30", "2014-3-5"];

    private static readonly Gen<string> GenRow =
        Gen.Select(Gen.OneOf(Names), Gen.OneOf(Names), Gen.Int[1, 6], Gen.OneOf(Levels), Gen.OneOf(Dates))
            .Select((last, first, ine, level, date) => Row(lastName: last, firstName: first, ine: ine.ToString(), level: level, birthDate: date));

    private static readonly Gen<string> GenLine = Gen.Frequency((8, GenRow), (1, Gen.OneOf("", "  ", ";;;;;;")), (1, Gen.Const(Row(ine: "9") + ";extra")));

    private static readonly Gen<byte[]> GenFile =
        Gen.Select(GenLine.List[0, 12], Gen.OneOf("\n", "\r\n"), Gen.Bool, Gen.Int[0, 3], Gen.Bool)
            .Select((lines, newline, comma, encoding, blankFirstLine) =>
            {
                var text = (blankFirstLine ? newline : "") + string.Join(newline, [Header, .. lines]) + newline;
                if (comma)
                {
                    text = text.Replace(';', ',');
                }

                return encoding switch
                {
                    0 => Encoding.UTF8.GetBytes(text),
                    1 => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
                    2 => Windows1252.GetBytes(text),
                    _ => [.. Encoding.UTF8.GetBytes(text), .. Windows1252.GetBytes(Row(lastName: "L’Hôte", ine: "7") + newline)],
                };
            });

    private static readonly Gen<int[]> GenChunkSizes = Gen.OneOf(
        Gen.Const(Enumerable.Repeat(1, 100_000).ToArray()),
        Gen.Int[1, 5].Array[1, 400],
        Gen.Int[1, 64].Array[1, 100]);

    [Fact]
    public void Feed_SameFileCutAnywhere_GivesSameResultAsOneChunk()
    {
        Gen.Select(GenFile, GenChunkSizes).Sample(
            (bytes, sizes) =>
            {
                var whole = Describe(Read(bytes));
                var chunked = Describe(ReadInChunks(bytes, sizes));
                Assert.Equal(whole, chunked);
            },
            iter: 400);
    }

    [Fact]
    public void Feed_GeneratedFiles_CoverValidAndInvalidOutcomes()
    {
        // Guards the property above against testing only one kind of result.
        var codes = new HashSet<string>();
        var valid = 0;
        Gen.Select(GenFile, Gen.Int[0, 1]).Sample(
            (bytes, _) =>
            {
                var result = Read(bytes);
                lock (codes)
                {
                    valid += result.IsValid && result.Pupils.Count > 0 ? 1 : 0;
                    codes.UnionWith(result.Errors.Select(e => e.Code));
                }
            },
            iter: 400);

        Assert.True(valid > 0);
        Assert.Superset(
            new HashSet<string> { "BAD_CSV_FORMAT", "HEADER_REQUIRED", "FIELD_REQUIRED", "FIELD_BAD_VALUES", "FIELD_DATE_FORMAT", "PROPERTY_NOT_UNIQ" },
            codes);
    }

    [Fact]
    public void Feed_RandomBytes_NeverThrowsAndIgnoresChunkBoundaries()
    {
        Gen.Select(Gen.Byte.Array[0, 3000], GenChunkSizes).Sample(
            (bytes, sizes) => Assert.Equal(Describe(Read(bytes)), Describe(ReadInChunks(bytes, sizes))),
            iter: 300);
    }

    [Fact]
    public void Feed_RandomCsvLikeBytes_NeverThrowsAndIgnoresChunkBoundaries()
    {
        var alphabet = "Nom élève;Prénom élève,INE\"\r\n CYCLE III CM1 2014-05-06".Select(c => (byte)c)
            .Concat(Encoding.UTF8.GetBytes("é’")).Concat([(byte)0x92, (byte)0x9C, (byte)0xEF, (byte)0xBB, (byte)0xBF, (byte)0x01])
            .Distinct()
            .ToArray();
        var genText = Gen.Select(Gen.Const(Encoding.UTF8.GetBytes(Header + "\n")), Gen.OneOf(alphabet).Array[0, 2000], Gen.Bool)
            .Select((header, body, withHeader) => withHeader ? [.. header, .. body] : body);

        Gen.Select(genText, GenChunkSizes).Sample(
            (bytes, sizes) => Assert.Equal(Describe(Read(bytes)), Describe(ReadInChunks(bytes, sizes))),
            iter: 300);
    }
}
