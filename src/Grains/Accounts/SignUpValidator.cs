using PixOrga.Grains.Interfaces.Accounts;
using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Grains.Accounts;

/// <summary>Checks every field of a sign-up and reports every broken rule at once, in form order.</summary>
public static class SignUpValidator
{
    public const int MaxNameLength = 255;

    public static IReadOnlyList<DomainError> Validate(SignUpCommand command)
    {
        var errors = new List<DomainError>();
        CheckName(command.FirstName, "first_name", "FIRST_NAME", AccountErrors.EmptyFirstNameMessage, AccountErrors.FirstNameTooLongMessage, errors);
        CheckName(command.LastName, "last_name", "LAST_NAME", AccountErrors.EmptyLastNameMessage, AccountErrors.LastNameTooLongMessage, errors);

        if (string.IsNullOrWhiteSpace(command.Email))
        {
            errors.Add(new DomainError("EMPTY_EMAIL", AccountErrors.EmptyEmailMessage, "email"));
        }
        else if (!EmailAddress.IsValid(command.Email))
        {
            errors.Add(new DomainError("WRONG_EMAIL_FORMAT", AccountErrors.WrongEmailFormatMessage, "email"));
        }

        if (PasswordPolicy.Check(command.Password, "password") is { } password)
        {
            errors.Add(password);
        }

        if (!command.TermsAccepted)
        {
            errors.Add(new DomainError("ACCEPT_CGU", AccountErrors.AcceptTermsMessage, "terms_accepted"));
        }

        return errors;
    }

    private static void CheckName(string? value, string field, string code, string emptyMessage, string tooLongMessage, List<DomainError> errors)
    {
        var trimmed = (value ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            errors.Add(new DomainError("EMPTY_" + code, emptyMessage, field));
        }
        else if (trimmed.Length > MaxNameLength)
        {
            errors.Add(new DomainError("MAX_SIZE_" + code, tooLongMessage, field));
        }
    }
}
