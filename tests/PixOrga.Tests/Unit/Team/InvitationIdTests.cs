using PixOrga.Grains.Interfaces.Team;
using PixOrga.Grains.Team;

namespace PixOrga.Tests.Unit.Team;

public sealed class InvitationIdTests
{
    [Fact]
    public void New_Id_NamesItsSchool()
    {
        var id = InvitationId.New("0751234A");

        Assert.StartsWith("0751234A-", id);
        Assert.Equal("0751234A", InvitationId.SchoolOf(id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0751234A")]
    [InlineData("-abcdefghijkm")]
    [InlineData("0751234A-short")]
    [InlineData("0751234a-abcdefghijkm")]
    [InlineData("PIXORGA1-abcdefghijkm")]
    [InlineData("07512345A-abcdefghijkm")]
    public void SchoolOf_NotAnInvitationId_Null(string? id)
    {
        Assert.Null(InvitationId.SchoolOf(id));
    }

    [Fact]
    public void Link_Built_CarriesIdAndCode()
    {
        var link = InvitationLink.Build("https://orga.test/", "0751234A-abcdefghijkm", "a-b_c");

        Assert.Equal("https://orga.test/rejoindre?invitationId=0751234A-abcdefghijkm&code=a-b_c", link);
    }
}
