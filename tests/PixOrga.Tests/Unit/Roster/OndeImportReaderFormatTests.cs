using System.Text;
using PixOrga.Grains.Roster.Onde;
using Xunit;
using static PixOrga.Tests.Unit.Roster.OndeFile;

namespace PixOrga.Tests.Unit.Roster;

public class OndeImportReaderFormatTests
{
    private static readonly OndeImportError BadFormat = new(
        null, null, "BAD_CSV_FORMAT", "Le fichier doit être au format csv avec séparateur virgule ou point-virgule.");

    [Fact]
    public void Complete_EmptyFile_IsBadFormat()
    {
        var reader = new OndeImportReader();

        var result = reader.Complete();

        Assert.Equal([BadFormat], result.Errors);
        Assert.Empty(result.Pupils);
    }

    [Theory]
    [InlineData("\n\n   \r\n")]
    [InlineData("\uFEFF")]
    public void Complete_OnlyBlankLinesOrByteOrderMark_IsBadFormat(string text)
    {
        Assert.Equal([BadFormat], Read(text).Errors);
    }

    [Fact]
    public void Complete_RowWithFewerFields_IsBadFormatWithoutLineNumber()
    {
        var result = Read(Lines(Header, Row(), "Martin;Léa;123456789AC;CYCLE III;CM1;CM1 A"));

        Assert.Equal([BadFormat], result.Errors);
        Assert.Empty(result.Pupils);
    }

    [Fact]
    public void Complete_RowWithMoreFields_IsBadFormat()
    {
        Assert.Equal([BadFormat], Read(Lines(Header, Row() + ";extra")).Errors);
    }

    [Fact]
    public void Complete_BadFieldCountAfterMissingColumns_BadFormatOutranksMissingColumns()
    {
        var result = Read(Lines("Nom élève;Prénom élève", "Martin;Léa", "Martin"));

        Assert.Equal([BadFormat], result.Errors);
    }

    [Fact]
    public void Complete_HeaderWithoutSeparator_IsBadFormat()
    {
        Assert.Equal([BadFormat], Read(Lines("Nom élève Prénom élève INE", "Martin Léa 1")).Errors);
    }

    [Fact]
    public void Complete_TabSeparatedFile_IsBadFormat()
    {
        Assert.Equal([BadFormat], Read(Lines(Header.Replace(';', '\t'), Row().Replace(';', '\t'))).Errors);
    }

    [Fact]
    public void Complete_UnclosedQuoteAtEndOfFile_IsBadFormat()
    {
        Assert.Equal([BadFormat], Read(Lines(Header, Row(lastName: "\"Martin"), Row(ine: "2"))).Errors);
    }

    [Fact]
    public void Complete_TextAfterClosingQuote_IsBadFormat()
    {
        Assert.Equal([BadFormat], Read(Lines(Header, Row(lastName: "\"Mar\"tin"))).Errors);
    }

    [Fact]
    public void Complete_FileWithNulBytes_IsBadFormat()
    {
        var bytes = Encoding.Unicode.GetBytes(Lines(Header, Row()));

        Assert.Equal([BadFormat], Read(bytes).Errors);
    }

    [Fact]
    public void Complete_BinaryContentWithoutNul_IsBadFormat()
    {
        var bytes = Encoding.UTF8.GetBytes(Lines(Header)).Concat(Enumerable.Repeat((byte)0x01, 400)).ToArray();

        Assert.Equal([BadFormat], Read(bytes).Errors);
    }

    [Fact]
    public void Complete_FewControlCharactersInValues_AreNotBinary()
    {
        var result = Read(Lines(Header, Row(lastName: "Mar\u0001tin")));

        Assert.True(result.IsValid, Messages(result));
        Assert.Equal("Mar\u0001tin", Assert.Single(result.Pupils).LastName);
    }

    [Fact]
    public void Complete_RecordLongerThanLimit_IsBadFormat()
    {
        var longName = new string('a', OndeImportReader.MaxRecordBytes);

        var result = Read(Lines(Header, Row(lastName: longName), Row(ine: "2")));

        Assert.Equal([BadFormat], result.Errors);
    }

    [Fact]
    public void Feed_UnterminatedLineBeyondLimit_IsBadFormatWithoutWaitingForItsEnd()
    {
        var reader = new OndeImportReader();
        reader.Feed(Encoding.UTF8.GetBytes(Lines(Header) + "\""));
        var chunk = new byte[4096];
        Array.Fill(chunk, (byte)'a');
        for (var i = 0; i < 1000; i++)
        {
            reader.Feed(chunk);
        }

        Assert.Equal([BadFormat], reader.Complete().Errors);
    }

    [Fact]
    public void Complete_RecordAtLimit_IsRead()
    {
        var name = new string('a', OndeImportReader.MaxRecordBytes - Encoding.UTF8.GetByteCount(Row(ine: "1", lastName: "")));
        var result = Read(Lines(Header, Row(ine: "1", lastName: name)));

        Assert.Equal(OndeErrorCodes.FieldStringMax, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Complete_HeaderWithTooManyColumns_IsBadFormat()
    {
        var extra = string.Concat(Enumerable.Range(0, OndeImportReader.MaxColumns).Select(i => $";c{i}"));

        Assert.Equal([BadFormat], Read(Lines(Header + extra)).Errors);
    }

    [Fact]
    public void Complete_HeaderWithMaximumColumns_IsRead()
    {
        var extra = string.Concat(Enumerable.Range(0, OndeImportReader.MaxColumns - 7).Select(i => $";c{i}"));
        var rowExtra = string.Concat(Enumerable.Repeat(";x", OndeImportReader.MaxColumns - 7));

        var result = Read(Lines(Header + extra, Row() + rowExtra));

        Assert.True(result.IsValid, Messages(result));
    }

    [Fact]
    public void Feed_AfterComplete_Throws()
    {
        var reader = new OndeImportReader();
        reader.Complete();

        Assert.Throws<InvalidOperationException>(() => reader.Feed([(byte)'a']));
    }

    [Fact]
    public void Complete_CalledTwice_ReturnsSameResult()
    {
        var reader = new OndeImportReader();
        reader.Feed(Encoding.UTF8.GetBytes(Lines(Header, Row())));

        Assert.Same(reader.Complete(), reader.Complete());
    }
}
