using PixOrga.Grains.Accounts;
using PixOrga.Grains.Interfaces.Accounts;

namespace PixOrga.Tests.Unit.Accounts;

public sealed class SignUpValidatorTests
{
    private static SignUpCommand Valid() => new("Camille", "Martin", "camille@example.org", "Motdepasse1", true, string.Empty);

    [Fact]
    public void Validate_Valid_NoError()
    {
        Assert.Empty(SignUpValidator.Validate(Valid()));
    }

    [Fact]
    public void Validate_EverythingWrong_EveryRuleInFormOrder()
    {
        var command = new SignUpCommand(new string('a', 256), "  ", "", "", false, string.Empty);

        var errors = SignUpValidator.Validate(command);

        Assert.Equal(["MAX_SIZE_FIRST_NAME", "EMPTY_LAST_NAME", "EMPTY_EMAIL", "EMPTY_PASSWORD", "ACCEPT_CGU"], errors.Select(e => e.Code));
        Assert.Equal(["first_name", "last_name", "email", "password", "terms_accepted"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Validate_NameOf255CharactersAfterTrim_Accepted()
    {
        var command = Valid() with { FirstName = " " + new string('a', 255) + " " };

        Assert.Empty(SignUpValidator.Validate(command));
    }

    [Fact]
    public void ToString_NeverShowsPasswordOrEmail()
    {
        var text = Valid().ToString();

        Assert.DoesNotContain("Motdepasse1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("camille@example.org", text, StringComparison.Ordinal);
    }
}
