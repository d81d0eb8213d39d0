using PixOrga.Grains.Missions.SchoolCodes;

namespace PixOrga.Tests.Unit.Missions;

public sealed class SchoolCodeFormatTests
{
    [Fact]
    public void Alphabet_HasNoLookAlikes()
    {
        Assert.Equal(32, SchoolCodeFormat.Alphabet.Distinct().Count());
        Assert.DoesNotContain('0', SchoolCodeFormat.Alphabet);
        Assert.DoesNotContain('O', SchoolCodeFormat.Alphabet);
        Assert.DoesNotContain('1', SchoolCodeFormat.Alphabet);
        Assert.DoesNotContain('I', SchoolCodeFormat.Alphabet);
    }

    [Fact]
    public void Generate_Always_EightCharactersOfTheAlphabet()
    {
        for (var i = 0; i < 1000; i++)
        {
            var code = SchoolCodeFormat.Generate();

            Assert.Equal(8, code.Length);
            Assert.True(SchoolCodeFormat.IsWellFormed(code), code);
        }
    }

    [Fact]
    public void Generate_ManyCodes_UseEveryCharacterAndDoNotRepeat()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => SchoolCodeFormat.Generate()).ToList();

        // 2^40 possible codes: a repeat among ten thousand would mean the generator is not random.
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(SchoolCodeFormat.Alphabet.Order(), codes.SelectMany(c => c).Distinct().Order());
    }

    [Fact]
    public void Generate_EveryPosition_DrawsEachCharacterAboutEvenly()
    {
        var counts = new int[SchoolCodeFormat.Length, SchoolCodeFormat.Alphabet.Length];
        for (var i = 0; i < 32_000; i++)
        {
            var code = SchoolCodeFormat.Generate();
            for (var position = 0; position < code.Length; position++)
            {
                counts[position, SchoolCodeFormat.Alphabet.IndexOf(code[position], StringComparison.Ordinal)]++;
            }
        }

        // 1,000 expected per cell (standard deviation about 31): a generator that favours part of
        // the alphabet, or leaves a position fixed, lands far outside.
        foreach (var count in counts)
        {
            Assert.InRange(count, 800, 1200);
        }
    }

    [Theory]
    [InlineData("abcd-efgh", "ABCDEFGH")]
    [InlineData(" ABCD EFGH ", "ABCDEFGH")]
    [InlineData("a2b3\tc4d5", "A2B3C4D5")]
    [InlineData(null, "")]
    public void Normalize_TypedCode_IgnoresCaseSpacesAndDashes(string? typed, string expected)
    {
        Assert.Equal(expected, SchoolCodeFormat.Normalize(typed));
    }

    [Theory]
    [InlineData("ABCDEFG")]
    [InlineData("ABCDEFGHJ")]
    [InlineData("ABCDEFG0")]
    [InlineData("ABCDEFGO")]
    [InlineData("ABCDEFG1")]
    [InlineData("ABCDEFGI")]
    [InlineData("abcdefgh")]
    public void IsWellFormed_NotAGeneratedShape_False(string code)
    {
        Assert.False(SchoolCodeFormat.IsWellFormed(code));
    }
}
