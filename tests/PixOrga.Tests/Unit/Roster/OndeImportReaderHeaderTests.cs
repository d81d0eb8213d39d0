using PixOrga.Grains.Roster.Onde;
using Xunit;
using static PixOrga.Tests.Unit.Roster.OndeFile;

namespace PixOrga.Tests.Unit.Roster;

public class OndeImportReaderHeaderTests
{
    [Fact]
    public void Complete_SeveralRequiredColumnsMissing_ReportsEachInColumnOrder()
    {
        var result = Read(Lines("Prénom élève;Cycle;Niveau;Libellé classe", "Léa;CYCLE III;CM1;CM1 A"));

        Assert.Equal(
            [
                new OndeImportError(null, "Nom élève", "HEADER_REQUIRED", "La colonne “Nom élève” est obligatoire."),
                new OndeImportError(null, "INE", "HEADER_REQUIRED", "La colonne “INE” est obligatoire."),
                new OndeImportError(null, "Date naissance", "HEADER_REQUIRED", "La colonne “Date naissance” est obligatoire."),
            ],
            result.Errors);
        Assert.Empty(result.Pupils);
        Assert.Null(result.ContentHash);
    }

    [Fact]
    public void Complete_ColumnMissing_DoesNotValidateRows()
    {
        var header = Header.Replace(";Cycle", "");
        var result = Read(Lines(header, "Martin;;;CM9;;not-a-date"));

        Assert.Equal(["La colonne “Cycle” est obligatoire."], result.Errors.Select(e => e.Message));
        Assert.Equal(1, result.DataLineCount);
    }

    [Theory]
    [InlineData("nom élève", "Nom élève")]
    [InlineData("Nom eleve", "Nom élève")]
    [InlineData("ine", "INE")]
    [InlineData("Date de naissance", "Date naissance")]
    public void Complete_HeaderNameDiffersInCaseOrAccentsOrWording_ColumnIsMissing(string written, string required)
    {
        var result = Read(Lines(Header.Replace(required, written), Row()));

        var error = Assert.Single(result.Errors);
        Assert.Equal("HEADER_REQUIRED", error.Code);
        Assert.Equal(required, error.Column);
    }

    [Fact]
    public void Complete_HeaderNamesPaddedWithSpaces_AreTrimmed()
    {
        var padded = string.Join(';', OndeColumns.Required.Select(name => "  " + name + " "));

        var result = Read(Lines(padded, Row()));

        Assert.True(result.IsValid, Messages(result));
        Assert.Single(result.Pupils);
    }

    [Fact]
    public void Complete_ExtraColumnsAnywhere_AreIgnored()
    {
        var header = "Matricule;" + Header.Replace(";INE;", ";Sexe;INE;") + ";Adresse";
        var row = "0001;Martin;Léa;F;123456789AB;CYCLE III;CM1;CM1 A;2014-05-06;1 rue des Écoles";

        var result = Read(Lines(header, row));

        Assert.True(result.IsValid, Messages(result));
        var pupil = Assert.Single(result.Pupils);
        Assert.Equal(new OndePupil("123456789AB", "Martin", "Léa", "CYCLE III", OndeLevel.Cm1, "CM1 A", new DateOnly(2014, 5, 6)), pupil);
    }

    [Fact]
    public void Complete_ColumnsInAnotherOrder_AreFoundByName()
    {
        var header = "Date naissance;Libellé classe;Niveau;Cycle;INE;Prénom élève;Nom élève";
        var row = "2014-05-06;CM2 B;CM2;CYCLE III;123456789AB;Léa;Martin";

        var result = Read(Lines(header, row));

        var pupil = Assert.Single(result.Pupils);
        Assert.Equal(new OndePupil("123456789AB", "Martin", "Léa", "CYCLE III", OndeLevel.Cm2, "CM2 B", new DateOnly(2014, 5, 6)), pupil);
    }

    [Fact]
    public void Complete_HeaderOnly_IsValidWithNoPupils()
    {
        var result = Read(Lines(Header));

        Assert.True(result.IsValid);
        Assert.Empty(result.Pupils);
        Assert.Equal(0, result.DataLineCount);
        Assert.NotNull(result.ContentHash);
    }
}
