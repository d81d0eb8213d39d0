using PixOrga.Grains.Team;

namespace PixOrga.Tests.Unit.Team;

public sealed class InvitationCodeTests
{
    [Fact]
    public void New_Code_HasAtLeast128BitsUrlSafeAndOnlyItsHashMatches()
    {
        var (code, hash) = InvitationCode.New();

        Assert.True(code.Length >= 22);
        Assert.Matches("^[A-Za-z0-9_-]+$", code);
        Assert.DoesNotContain(code, hash);
        Assert.True(InvitationCode.Matches(hash, code));
    }

    [Fact]
    public void New_TwoCodes_Differ()
    {
        Assert.NotEqual(InvitationCode.New().Code, InvitationCode.New().Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("wrong")]
    public void Matches_OtherCode_False(string? given)
    {
        var (code, hash) = InvitationCode.New();

        Assert.False(InvitationCode.Matches(hash, given));
        Assert.False(InvitationCode.Matches(hash, code + "x"));
    }

    [Fact]
    public void Matches_EmptyStoredHash_False()
    {
        Assert.False(InvitationCode.Matches(string.Empty, InvitationCode.New().Code));
    }
}
