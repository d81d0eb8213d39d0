using System.Text;
using PixOrga.Grains.Roster.Onde;
using Xunit;
using static PixOrga.Tests.Unit.Roster.OndeFile;

namespace PixOrga.Tests.Unit.Roster;

public class OndeImportReaderEncodingTests
{
    private static readonly string File = Lines(
        Header,
        Row(lastName: "L’Hôte", firstName: "Chloé", ine: "1"),
        Row(lastName: "Cœur", firstName: "Anaïs", ine: "2", classLabel: "CM1 – Mme Müller"));

    [Fact]
    public void Complete_Utf8WithoutBom_DecodesAccents()
    {
        var result = Read(Encoding.UTF8.GetBytes(File));

        AssertAccentsDecoded(result);
        Assert.Equal(OndeFileEncoding.Utf8, result.Encoding);
    }

    [Fact]
    public void Complete_Utf8WithBom_DropsTheMarkBeforeTheFirstColumnName()
    {
        var result = Read(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(File)).ToArray());

        AssertAccentsDecoded(result);
        Assert.Equal(OndeFileEncoding.Utf8, result.Encoding);
    }

    [Fact]
    public void Complete_Utf8BomBeforeBlankLine_LeavesTheLineBlank()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("\r\n" + File)).ToArray();

        AssertAccentsDecoded(Read(bytes));
    }

    [Fact]
    public void Complete_Utf8BomSplitAcrossChunks_DropsTheMark()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("\n" + File)).ToArray();

        AssertAccentsDecoded(ReadInChunks(bytes, [1, 1, 1, 1]));
        AssertAccentsDecoded(ReadInChunks(bytes, [2, 3]));
    }

    [Fact]
    public void Complete_BomPrefixThatIsNotABom_IsKeptAsData()
    {
        // EF BB followed by a letter is not UTF-8 at all, so the file reads as Windows-1252.
        var bytes = new byte[] { 0xEF, 0xBB }.Concat(Encoding.ASCII.GetBytes("x;y\n")).ToArray();

        var result = ReadInChunks(bytes, [1, 1, 1]);

        Assert.Equal(OndeFileEncoding.Windows1252, result.Encoding);
        Assert.Equal(7, result.Errors.Count);
        Assert.All(result.Errors, error => Assert.Equal("HEADER_REQUIRED", error.Code));
    }

    [Fact]
    public void Complete_Windows1252_DecodesCurlyApostropheAndLigature()
    {
        var bytes = Windows1252.GetBytes(File);
        Assert.Contains((byte)0x92, bytes);
        Assert.Contains((byte)0x9C, bytes);

        var result = Read(bytes);

        AssertAccentsDecoded(result);
        Assert.Equal(OndeFileEncoding.Windows1252, result.Encoding);
    }

    [Fact]
    public void Complete_Iso88591_DecodesAccents()
    {
        var text = Lines(Header, Row(lastName: "Hélène", firstName: "Zoé", classLabel: "CM2 Mme Noël"));

        var result = Read(Encoding.Latin1.GetBytes(text));

        var pupil = Assert.Single(result.Pupils);
        Assert.Equal(("Hélène", "Zoé", "CM2 Mme Noël"), (pupil.LastName, pupil.FirstName, pupil.ClassLabel));
        Assert.Equal(OndeFileEncoding.Windows1252, result.Encoding);
    }

    [Fact]
    public void Complete_Utf8HeaderThenWindows1252ByteLater_ReadsWholeFileAsWindows1252()
    {
        // Read as Windows-1252 from the first byte, the UTF-8 "é" of the header is "Ã©", so the
        // accented columns are missing: the late byte must lead to that same result.
        var rows = Enumerable.Range(1, 50).Select(i => Row(ine: i.ToString(), firstName: "Chloé")).ToList();
        var bytes = Encoding.UTF8.GetBytes(Lines([Header, .. rows]))
            .Concat(Windows1252.GetBytes(Lines(Row(ine: "51", lastName: "L’Hôte"))))
            .ToArray();

        var result = Read(bytes);

        Assert.Equal(
            ["La colonne “Nom élève” est obligatoire.", "La colonne “Prénom élève” est obligatoire.", "La colonne “Libellé classe” est obligatoire."],
            result.Errors.Select(error => error.Message));
        Assert.Equal(OndeFileEncoding.Windows1252, result.Encoding);
        Assert.Equal(51, result.DataLineCount);
        Assert.Equal(Describe(result), Describe(ReadInChunks(bytes, Enumerable.Repeat(7, bytes.Length))));
    }

    [Fact]
    public void Complete_MultiByteCharacterSplitAcrossChunks_IsDecodedWhole()
    {
        var bytes = Encoding.UTF8.GetBytes(File);
        var sizes = Enumerable.Repeat(1, bytes.Length);

        var result = ReadInChunks(bytes, sizes);

        AssertAccentsDecoded(result);
        Assert.Equal(OndeFileEncoding.Utf8, result.Encoding);
    }

    private static void AssertAccentsDecoded(OndeImportResult result)
    {
        Assert.True(result.IsValid, Messages(result));
        Assert.Collection(
            result.Pupils,
            first => Assert.Equal(("L’Hôte", "Chloé"), (first.LastName, first.FirstName)),
            second => Assert.Equal(("Cœur", "Anaïs", "CM1 – Mme Müller"), (second.LastName, second.FirstName, second.ClassLabel)));
    }
}
