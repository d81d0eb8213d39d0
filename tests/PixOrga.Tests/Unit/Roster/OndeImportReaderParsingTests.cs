using PixOrga.Grains.Roster.Onde;
using Xunit;
using static PixOrga.Tests.Unit.Roster.OndeFile;

namespace PixOrga.Tests.Unit.Roster;

public class OndeImportReaderParsingTests
{
    [Fact]
    public void Complete_CommaSeparatedFile_IsRead()
    {
        var result = Read(Lines(Header.Replace(';', ','), Row(ine: "1").Replace(';', ','), Row(ine: "2").Replace(';', ',')));

        Assert.True(result.IsValid, Messages(result));
        Assert.Equal(["1", "2"], result.Pupils.Select(p => p.Ine));
    }

    [Fact]
    public void Complete_SemicolonFileWithCommasInValues_KeepsTheCommas()
    {
        var result = Read(Lines(Header, Row(lastName: "Martin, dit Jo", classLabel: "CM1, CM2")));

        var pupil = Assert.Single(result.Pupils);
        Assert.Equal(("Martin, dit Jo", "CM1, CM2"), (pupil.LastName, pupil.ClassLabel));
    }

    [Fact]
    public void Complete_QuotedFieldsWithSeparatorDoubledQuoteAndNewline_AreUnescaped()
    {
        var result = Read(Lines(
            Header,
            Row(lastName: "\"Dupont; Durand\"", firstName: "\"Jean \"\"Jo\"\"\"", classLabel: "\"CM1\nMme Roux\"", ine: "\"1\""),
            Row(ine: "2")));

        Assert.True(result.IsValid, Messages(result));
        var pupil = result.Pupils[0];
        Assert.Equal(("Dupont; Durand", "Jean \"Jo\"", "CM1\nMme Roux", "1"), (pupil.LastName, pupil.FirstName, pupil.ClassLabel, pupil.Ine));
        Assert.Equal(2, result.DataLineCount);
    }

    [Fact]
    public void Complete_QuotedFieldWithNewline_CountsAsOneLineForNumbering()
    {
        var result = Read(Lines(Header, Row(ine: "1", classLabel: "\"CM1\n\nA\""), Row(ine: "2", cycle: "CYCLE 3")));

        Assert.Equal(["Ligne 3 : Le champ “Cycle” doit être “CYCLE III”."], result.Errors.Select(e => e.Message));
    }

    [Fact]
    public void Complete_CrLfLineEnds_AreRead()
    {
        var text = string.Join("\r\n", Header, Row(ine: "1"), Row(ine: "2", level: "CE2")) + "\r\n";

        var result = Read(text);

        Assert.Equal(["Ligne 3 : Le champ “Niveau” doit être “CM1 ou CM2”."], result.Errors.Select(e => e.Message));
        Assert.Equal(2, result.DataLineCount);
    }

    [Fact]
    public void Complete_NoNewlineAfterLastRow_ReadsLastRow()
    {
        var result = Read(Header + "\n" + Row(ine: "1") + "\n" + Row(ine: "2"));

        Assert.Equal(["1", "2"], result.Pupils.Select(p => p.Ine));
    }

    [Fact]
    public void Complete_BlankLines_AreSkippedAndNotCounted()
    {
        var text = "\n  \n" + Header + "\r\n\r\n" + Row(ine: "1") + "\n \t \n;;;;;;\n\" \";\"\";\"\t\v\";;;;\n" + Row(ine: "2", birthDate: "2014-13-01") + "\n\n";

        var result = Read(text);

        Assert.Equal(["Ligne 3 : Le champ “Date naissance” doit être au format “YYYY-MM-DD”."], result.Errors.Select(e => e.Message));
        Assert.Equal(2, result.DataLineCount);
    }

    [Fact]
    public void Complete_PaddedValues_AreTrimmed()
    {
        var result = Read(Lines(Header, " Martin ;\tLéa\t;  123456789AB ; CYCLE III ; CM2 ; CM2 B ; 2014-05-06 ")
            + Lines(Row(ine: "\" 2 \"", lastName: "\" Durand \"")));

        Assert.True(result.IsValid, Messages(result));
        Assert.Equal(
            [
                new OndePupil("123456789AB", "Martin", "Léa", "CYCLE III", OndeLevel.Cm2, "CM2 B", new DateOnly(2014, 5, 6)),
                new OndePupil("2", "Durand", "Léa", "CYCLE III", OndeLevel.Cm1, "CM1 A", new DateOnly(2014, 5, 6)),
            ],
            result.Pupils);
    }

    [Fact]
    public void Complete_ValueStartingWithFormulaCharacter_IsStoredAsIs()
    {
        var result = Read(Lines(Header, Row(lastName: "\"=HYPERLINK(\"\"x\"\")\"", firstName: "-Léa")));

        var pupil = Assert.Single(result.Pupils);
        Assert.Equal(("=HYPERLINK(\"x\")", "-Léa"), (pupil.LastName, pupil.FirstName));
    }
}
