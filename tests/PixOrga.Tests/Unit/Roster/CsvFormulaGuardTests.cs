using PixOrga.Grains.Roster.Onde;
using Xunit;

namespace PixOrga.Tests.Unit.Roster;

public class CsvFormulaGuardTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+33 1 23", "'+33 1 23")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    public void Neutralise_ValueStartingWithFormulaCharacter_PrefixesApostrophe(string value, string expected)
    {
        Assert.Equal(expected, CsvFormulaGuard.Neutralise(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Martin")]
    [InlineData("Jean-Pierre")]
    [InlineData("L'Hôte")]
    [InlineData(" =1")]
    [InlineData("a=b")]
    public void Neutralise_OrdinaryValue_ReturnsItUnchanged(string value)
    {
        Assert.Equal(value, CsvFormulaGuard.Neutralise(value));
    }
}
