using System.Globalization;
using CsCheck;
using PixOrga.Grains.Roster.Onde;
using Xunit;
using static PixOrga.Tests.Unit.Roster.OndeFile;

namespace PixOrga.Tests.Unit.Roster;

public class OndeImportReaderRowRulesTests
{
    [Theory]
    [InlineData(0, "Nom élève")]
    [InlineData(1, "Prénom élève")]
    [InlineData(2, "INE")]
    [InlineData(3, "Cycle")]
    [InlineData(4, "Niveau")]
    [InlineData(5, "Libellé classe")]
    [InlineData(6, "Date naissance")]
    public void Complete_BlankValue_ReportsFieldRequired(int column, string name)
    {
        var values = Row().Split(';');
        values[column] = "   ";

        var result = Read(Lines(Header, Row(ine: "0"), string.Join(';', values)));

        Assert.Equal([new OndeImportError(3, name, "FIELD_REQUIRED", $"Ligne 3 : Le champ “{name}” est obligatoire.")], result.Errors);
        Assert.Empty(result.Pupils);
        Assert.Null(result.ContentHash);
    }

    [Theory]
    [InlineData("Cycle III")]
    [InlineData("cycle iii")]
    [InlineData("CYCLE 3")]
    [InlineData("CYCLE II")]
    public void Complete_CycleOtherThanCycleThree_ReportsBadValue(string cycle)
    {
        var result = Read(Lines(Header, Row(cycle: cycle)));

        Assert.Equal([new OndeImportError(2, "Cycle", "FIELD_BAD_VALUES", "Ligne 2 : Le champ “Cycle” doit être “CYCLE III”.")], result.Errors);
    }

    [Theory]
    [InlineData("cm1")]
    [InlineData("CE2")]
    [InlineData("CM 1")]
    [InlineData("6EME")]
    public void Complete_LevelOtherThanCm1OrCm2_ReportsBadValue(string level)
    {
        var result = Read(Lines(Header, Row(level: level)));

        Assert.Equal([new OndeImportError(2, "Niveau", "FIELD_BAD_VALUES", "Ligne 2 : Le champ “Niveau” doit être “CM1 ou CM2”.")], result.Errors);
    }

    [Theory]
    [InlineData("CM1", OndeLevel.Cm1)]
    [InlineData("CM2", OndeLevel.Cm2)]
    public void Complete_Level_IsParsed(string written, OndeLevel expected)
    {
        Assert.Equal(expected, Assert.Single(Read(Lines(Header, Row(level: written))).Pupils).Level);
    }

    [Theory]
    [InlineData("2014-02-30")]
    [InlineData("2014-3-5")]
    [InlineData("15/03/2014")]
    [InlineData("2014/03/15")]
    [InlineData("20140315")]
    [InlineData("2014-03-15T00:00")]
    [InlineData("0000-01-01")]
    [InlineData("2014-13-01")]
    [InlineData("２０14-03-15")]
    public void Complete_DateNotAStrictRealDate_ReportsDateFormat(string date)
    {
        var result = Read(Lines(Header, Row(birthDate: date)));

        Assert.Equal(
            [new OndeImportError(2, "Date naissance", "FIELD_DATE_FORMAT", "Ligne 2 : Le champ “Date naissance” doit être au format “YYYY-MM-DD”.")],
            result.Errors);
    }

    [Fact]
    public void Complete_DateOfTheRightShape_IsAcceptedExactlyWhenItIsARealDate()
    {
        var genDate = Gen.Select(Gen.Int[0, 9999], Gen.Int[0, 19], Gen.Int[0, 39])
            .Select((year, month, day) => $"{year:0000}-{month:00}-{day:00}");

        genDate.Sample(
            date =>
            {
                var real = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected);

                var result = Read(Lines(Header, Row(birthDate: date)));

                Assert.Equal(real ? [] : ["FIELD_DATE_FORMAT"], result.Errors.Select(e => e.Code));
                Assert.Equal(real ? [expected] : [], result.Pupils.Select(p => p.BirthDate));
            },
            iter: 2000);
    }

    [Fact]
    public void Complete_LeapDay_IsAccepted()
    {
        Assert.Equal(new DateOnly(2016, 2, 29), Assert.Single(Read(Lines(Header, Row(birthDate: "2016-02-29"))).Pupils).BirthDate);
    }

    [Theory]
    [InlineData(0, "Nom élève")]
    [InlineData(1, "Prénom élève")]
    [InlineData(2, "INE")]
    [InlineData(5, "Libellé classe")]
    public void Complete_TextOf256Characters_ReportsStringMax(int column, string name)
    {
        var values = Row().Split(';');
        values[column] = new string('é', 256);

        var result = Read(Lines(Header, string.Join(';', values)));

        Assert.Equal(
            [new OndeImportError(2, name, "FIELD_STRING_MAX", $"Ligne 2 : Le champ “{name}” ne doit pas dépasser 255 caractères.")],
            result.Errors);
    }

    [Fact]
    public void Complete_TextOf255Characters_IsAccepted()
    {
        var name = new string('é', 255);

        Assert.Equal(name, Assert.Single(Read(Lines(Header, Row(lastName: name))).Pupils).LastName);
    }

    [Fact]
    public void Complete_SeveralErrorsInARow_ReportedInColumnOrder()
    {
        var result = Read(Lines(Header, ";Léa;123;CYCLE 3;;CM1 A;2014-3-5"));

        Assert.Equal(
            [
                "Ligne 2 : Le champ “Nom élève” est obligatoire.",
                "Ligne 2 : Le champ “Cycle” doit être “CYCLE III”.",
                "Ligne 2 : Le champ “Niveau” est obligatoire.",
                "Ligne 2 : Le champ “Date naissance” doit être au format “YYYY-MM-DD”.",
            ],
            result.Errors.Select(e => e.Message));
        Assert.All(result.Errors, error => Assert.Equal(2, error.Line));
    }

    [Fact]
    public void Complete_ErrorsOnManyRows_AllReportedWithoutCap()
    {
        var rows = Enumerable.Range(0, 500).Select(i => Row(ine: i.ToString(), level: "CE2"));

        var result = Read(Lines([Header, .. rows]));

        Assert.Equal(500, result.Errors.Count);
        Assert.Equal(Enumerable.Range(2, 500).Select(n => (int?)n), result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Complete_IdenticalRepeatedRow_IsIgnoredSilently()
    {
        var result = Read(Lines(Header, Row(ine: "1"), Row(ine: "2"), " " + Row(ine: "1"), Row(ine: "3")));

        Assert.True(result.IsValid, Messages(result));
        Assert.Equal(["1", "2", "3"], result.Pupils.Select(p => p.Ine));
        Assert.Equal(1, result.IgnoredDuplicateCount);
        Assert.Equal(4, result.DataLineCount);
    }

    [Fact]
    public void Complete_SameIneWithDifferentData_ReportsNotUniqueOnLaterLineFirst()
    {
        var result = Read(Lines(Header, Row(ine: "1"), Row(ine: "2"), Row(ine: "1", classLabel: "CM1 B", level: "CE2")));

        Assert.Equal(
            [
                new OndeImportError(4, "INE", "PROPERTY_NOT_UNIQ", "Ligne 4 : Le champ “INE” doit être unique au sein du fichier."),
                new OndeImportError(4, "Niveau", "FIELD_BAD_VALUES", "Ligne 4 : Le champ “Niveau” doit être “CM1 ou CM2”."),
            ],
            result.Errors);
    }

    [Theory]
    [InlineData(0, "Dupont")]
    [InlineData(1, "Zoé")]
    [InlineData(3, "CYCLE 3")]
    [InlineData(4, "CM2")]
    [InlineData(5, "CM1 B")]
    [InlineData(6, "2014-05-07")]
    public void Complete_SameIneDifferingInOneColumn_ReportsNotUnique(int column, string other)
    {
        var values = Row().Split(';');
        values[column] = other;

        var result = Read(Lines(Header, Row(), string.Join(';', values)));

        Assert.Equal(new OndeImportError(3, "INE", "PROPERTY_NOT_UNIQ", "Ligne 3 : Le champ “INE” doit être unique au sein du fichier."), result.Errors[0]);
    }

    [Fact]
    public void Complete_IneDifferingOnlyInCase_IsNotADuplicate()
    {
        var result = Read(Lines(Header, Row(ine: "123456789AB"), Row(ine: "123456789ab", firstName: "Zoé")));

        Assert.True(result.IsValid, Messages(result));
        Assert.Equal(2, result.Pupils.Count);
    }

    [Fact]
    public void Complete_ConflictingRowAfterAnInvalidFirstRow_StillReportsNotUnique()
    {
        var result = Read(Lines(Header, Row(ine: "1", cycle: "X"), Row(ine: "1")));

        Assert.Equal(
            ["Ligne 2 : Le champ “Cycle” doit être “CYCLE III”.", "Ligne 3 : Le champ “INE” doit être unique au sein du fichier."],
            result.Errors.Select(e => e.Message));
    }
}
