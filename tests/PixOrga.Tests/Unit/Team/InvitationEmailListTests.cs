using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Team;

namespace PixOrga.Tests.Unit.Team;

public sealed class InvitationEmailListTests
{
    [Fact]
    public void Parse_CommaSeparatedEntriesWithSpacesAndCase_TrimmedLowerCasedDeduplicated()
    {
        var addresses = InvitationEmailList.Parse([" Anne.Martin@Ecole.fr , paul@ecole.fr", "anne.martin@ecole.fr", "PAUL@ecole.fr,", "zoe@ecole.fr"]);

        Assert.Equal(["anne.martin@ecole.fr", "paul@ecole.fr", "zoe@ecole.fr"], addresses);
    }

    [Fact]
    public void Parse_OneMalformedAddress_InvalidArgumentNamingEachBadAddress()
    {
        var exception = Assert.Throws<DomainException>(() => InvitationEmailList.Parse(["ok@ecole.fr, pas-une-adresse", "Nom <x@ecole.fr>", "y@ecole"]));

        Assert.Equal(ErrorKind.InvalidArgument, exception.Kind);
        Assert.Equal("INVALID_EMAIL_FORMAT", exception.Errors[0].Code);
        Assert.Equal("Le format de l'adresse e-mail est incorrect.", exception.Errors[0].Message);
        Assert.Equal(
            ["pas-une-adresse", "nom <x@ecole.fr>", "y@ecole"],
            exception.Errors.Skip(1).Select(e => e.Message.Split('«', '»')[1].Trim()));
        Assert.All(exception.Errors.Skip(1), e => Assert.Equal("emails", e.Field));
    }

    [Theory]
    [InlineData]
    [InlineData("")]
    [InlineData(" , ,")]
    public void Parse_NoAddress_EmailRequired(params string[] entries)
    {
        var exception = Assert.Throws<DomainException>(() => InvitationEmailList.Parse(entries));

        Assert.Equal(ErrorKind.InvalidArgument, exception.Kind);
        Assert.Equal("EMAIL_REQUIRED", exception.Errors[0].Code);
    }

    [Fact]
    public void Parse_HundredAddressesAfterDeduplication_Accepted()
    {
        var entries = Enumerable.Range(0, 100).Select(i => $"prof{i}@ecole.fr").Append("PROF0@ecole.fr").ToArray();

        Assert.Equal(100, InvitationEmailList.Parse(entries).Count);
    }

    [Fact]
    public void Parse_HundredAndOneAddresses_TooMany()
    {
        var entries = new[] { string.Join(',', Enumerable.Range(0, 101).Select(i => $"prof{i}@ecole.fr")) };

        var exception = Assert.Throws<DomainException>(() => InvitationEmailList.Parse(entries));

        Assert.Equal(ErrorKind.InvalidArgument, exception.Kind);
        Assert.Equal("TOO_MANY_INVITATIONS", exception.Errors[0].Code);
        Assert.Equal("Vous ne pouvez pas inviter plus de 100 personnes à la fois.", exception.Errors[0].Message);
    }
}
