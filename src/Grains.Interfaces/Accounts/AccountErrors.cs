using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Grains.Interfaces.Accounts;

/// <summary>The codes and exact French messages of account errors.</summary>
public static class AccountErrors
{
    public const string InvalidCredentialsMessage = "L'adresse e-mail et/ou le mot de passe saisis sont incorrects.";
    public const string TemporarilyBlockedMessage =
        "Vous avez effectué trop de tentatives de connexion. Réessayez plus tard ou cliquez sur mot de passe oublié pour le réinitialiser.";
    public const string EmailAlreadyUsedMessage = "Cette adresse e-mail est déjà utilisée.";
    public const string InvalidResetLinkMessage = "Cette demande de réinitialisation n’est pas valide.";
    public const string InvalidRefreshTokenMessage = "Votre session a expiré. Merci de vous reconnecter.";

    public const string PasswordFormatMessage =
        "Votre mot de passe doit contenir 8 caractères au minimum et comporter au moins une majuscule, une minuscule et un chiffre.";
    public const string EmptyPasswordMessage = "Votre mot de passe n’est pas renseigné.";
    public const string PasswordTooLongMessage = "Votre mot de passe ne doit pas dépasser les 255 caractères.";
    public const string EmptyFirstNameMessage = "Votre prénom n’est pas renseigné.";
    public const string FirstNameTooLongMessage = "Votre prénom ne doit pas dépasser les 255 caractères.";
    public const string EmptyLastNameMessage = "Votre nom n’est pas renseigné.";
    public const string LastNameTooLongMessage = "Votre nom ne doit pas dépasser les 255 caractères.";
    public const string EmptyEmailMessage = "Votre adresse e-mail n’est pas renseignée.";
    public const string WrongEmailFormatMessage = "Votre adresse e-mail n’est pas valide.";
    public const string AcceptTermsMessage = "Vous devez accepter les conditions d’utilisation de Pix pour créer un compte.";

    public static DomainException InvalidCredentials() =>
        new(ErrorKind.Unauthenticated, "INVALID_CREDENTIALS", InvalidCredentialsMessage);

    /// <summary>
    /// FAILED_PRECONDITION rather than PERMISSION_DENIED: the account is in a state (locked) that a
    /// wait or a password reset clears, which is what FAILED_PRECONDITION tells a client.
    /// </summary>
    public static DomainException TemporarilyBlocked() =>
        new(ErrorKind.FailedPrecondition, "USER_IS_TEMPORARY_BLOCKED", TemporarilyBlockedMessage);

    public static DomainException EmailAlreadyUsed() =>
        new(ErrorKind.AlreadyExists, "ACCOUNT_WITH_EMAIL_ALREADY_EXISTS", EmailAlreadyUsedMessage, "email");

    public static DomainException InvalidResetLink() =>
        DomainException.Invalid("INVALID_RESET_LINK", InvalidResetLinkMessage, "code");

    public static DomainException InvalidRefreshToken() =>
        new(ErrorKind.Unauthenticated, "INVALID_REFRESH_TOKEN", InvalidRefreshTokenMessage);
}
