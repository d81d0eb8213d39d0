using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Tests.Unit.Accounts;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("camille.martin@example.org")]
    [InlineData("  Camille.Martin@Example.ORG ")]
    [InlineData("ce.0751234a@ac-paris.fr")]
    [InlineData("a+tag@sub.domain.fr")]
    public void IsValid_PlainAddress_True(string email)
    {
        Assert.True(EmailAddress.IsValid(email));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("camille")]
    [InlineData("camille@")]
    [InlineData("@example.org")]
    [InlineData("camille@localhost")]
    [InlineData("camille@@example.org")]
    [InlineData("ca@mille@example.org")]
    [InlineData("cam ille@example.org")]
    [InlineData("Camille <camille@example.org>")]
    [InlineData("camille@example..org")]
    [InlineData("camille@.example.org")]
    [InlineData("camille@example.org.")]
    public void IsValid_NotAPlainAddress_False(string? email)
    {
        Assert.False(EmailAddress.IsValid(email));
    }

    [Fact]
    public void IsValid_Over255Characters_False()
    {
        Assert.False(EmailAddress.IsValid(new string('a', 250) + "@ex.org"));
    }

    [Fact]
    public void Normalize_TrimsAndLowerCases()
    {
        Assert.Equal("camille.martin@example.org", EmailAddress.Normalize("  Camille.Martin@Example.ORG "));
        Assert.Equal(string.Empty, EmailAddress.Normalize(null));
    }
}
