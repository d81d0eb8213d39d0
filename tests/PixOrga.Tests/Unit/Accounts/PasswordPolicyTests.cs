using PixOrga.Grains.Accounts;

namespace PixOrga.Tests.Unit.Accounts;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("Motdepasse1")]
    [InlineData("Élève2024")]
    [InlineData("aB3aB3aB")]
    public void Check_WellFormed_NoError(string password)
    {
        Assert.Null(PasswordPolicy.Check(password, "password"));
    }

    [Theory]
    [InlineData(null, "EMPTY_PASSWORD")]
    [InlineData("", "EMPTY_PASSWORD")]
    [InlineData("aB3aB3a", "INVALID_PASSWORD_FORMAT")]
    [InlineData("motdepasse1", "INVALID_PASSWORD_FORMAT")]
    [InlineData("MOTDEPASSE1", "INVALID_PASSWORD_FORMAT")]
    [InlineData("Motdepasse", "INVALID_PASSWORD_FORMAT")]
    [InlineData("Motdepasse٣", "INVALID_PASSWORD_FORMAT")]
    public void Check_BrokenRule_ReportsIt(string? password, string code)
    {
        var error = PasswordPolicy.Check(password, "password");

        Assert.Equal(code, error?.Code);
        Assert.Equal("password", error?.Field);
    }

    [Fact]
    public void Check_255Characters_Accepted256Refused()
    {
        var longest = "Aa1" + new string('x', 252);

        Assert.Null(PasswordPolicy.Check(longest, "password"));
        Assert.Equal("PASSWORD_TOO_LONG", PasswordPolicy.Check(longest + "x", "password")?.Code);
    }
}
