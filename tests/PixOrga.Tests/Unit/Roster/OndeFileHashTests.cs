using System.Text;
using static PixOrga.Tests.Unit.Roster.OndeFile;

namespace PixOrga.Tests.Unit.Roster;

public sealed class OndeFileHashTests
{
    private static readonly byte[] File = Encoding.UTF8.GetBytes(Lines(Header, Row(ine: "1"), Row(ine: "2", firstName: "Zoé")));

    [Fact]
    public void Complete_SameBytesInAnyChunks_SameHash()
    {
        var whole = Read(File);

        var byteByByte = ReadInChunks(File, Enumerable.Repeat(1, File.Length));
        var inThrees = ReadInChunks(File, Enumerable.Repeat(3, File.Length));

        Assert.Matches("^[0-9a-f]{64}$", whole.ContentHash!);
        Assert.Equal(whole.ContentHash, byteByByte.ContentHash);
        Assert.Equal(whole.ContentHash, inThrees.ContentHash);
    }

    [Fact]
    public void Complete_OneByteChanged_OtherHash()
    {
        var changed = (byte[])File.Clone();
        changed[^3] = (byte)'7';

        Assert.NotEqual(Read(File).ContentHash, Read(changed).ContentHash);
    }

    [Fact]
    public void Complete_SamePupilsInAnotherOrder_OtherHash()
    {
        // The hash names the file, not the roster: the school grain's diff recognises the same pupils.
        var reordered = Read(Lines(Header, Row(ine: "2", firstName: "Zoé"), Row(ine: "1")));

        Assert.Equal(Read(File).Pupils.Count, reordered.Pupils.Count);
        Assert.NotEqual(Read(File).ContentHash, reordered.ContentHash);
    }

    [Fact]
    public void Complete_FileWithErrors_NoHash()
    {
        Assert.Null(Read(Lines(Header, Row(ine: ""))).ContentHash);
    }
}
