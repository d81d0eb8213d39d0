using PixOrga.Grains.Interfaces.Accounts;
using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Grains.Accounts;

/// <summary>
/// Pix's password rule: 8 to 255 characters with an upper-case letter, a lower-case letter and a
/// digit (the unicode classes of Pix's <c>\p{Lu}</c>, <c>\p{Ll}</c> and the ASCII <c>\d</c>).
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 255;

    /// <summary>The broken rule, or null when the password is acceptable.</summary>
    public static DomainError? Check(string? password, string field)
    {
        if (string.IsNullOrEmpty(password))
        {
            return new DomainError("EMPTY_PASSWORD", AccountErrors.EmptyPasswordMessage, field);
        }

        if (password.Length > MaxLength)
        {
            return new DomainError("PASSWORD_TOO_LONG", AccountErrors.PasswordTooLongMessage, field);
        }

        var wellFormed = password.Length >= MinLength
            && password.Any(char.IsUpper)
            && password.Any(char.IsLower)
            && password.Any(char.IsAsciiDigit);
        return wellFormed ? null : new DomainError("INVALID_PASSWORD_FORMAT", AccountErrors.PasswordFormatMessage, field);
    }
}
