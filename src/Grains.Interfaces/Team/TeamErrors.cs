using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Grains.Interfaces.Team;

/// <summary>The team's errors, with the exact French text the front ends show.</summary>
public static class TeamErrors
{
    public static DomainException SchoolWithoutEmail() => DomainException.Precondition(
        "SCHOOL_WITHOUT_EMAIL", "Nous n’avons pas d’adresse e-mail de contact associée à votre établissement.");

    public static DomainException InvitationNotFound() => DomainException.NotFound(
        "INVITATION_NOT_FOUND", "Cette invitation est introuvable : vérifiez que vous avez bien suivi le lien complet reçu par e-mail.");

    public static DomainException CancelledInvitation() => DomainException.Precondition(
        "CANCELLED_INVITATION", "Cette invitation a été annulée par un administrateur de l’école.");

    public static DomainException AlreadyAcceptedInvitation() => DomainException.Precondition(
        "ALREADY_ACCEPTED_INVITATION", "Cette invitation a déjà été utilisée : le lien est à usage unique.");

    public static DomainException ExpiredInvitation() => DomainException.Precondition(
        "EXPIRED_INVITATION", "Cette invitation a expiré. Demandez-en une nouvelle à un administrateur de l’école.");

    public static DomainException UncancellableInvitation() => DomainException.Precondition(
        "UNCANCELLABLE_INVITATION", "Seule une invitation en attente peut être annulée.");

    public static DomainException UnresendableInvitation() => DomainException.Precondition(
        "UNRESENDABLE_INVITATION", "Seule une invitation en attente peut être renvoyée.");

    public static DomainException AlreadyMember() => new(
        ErrorKind.AlreadyExists, "ALREADY_EXISTING_MEMBERSHIP", "Ce membre a déjà été ajouté.");

    public static DomainException NotAnAdmin() => DomainException.Denied(
        "NOT_AN_ADMIN", "Seul un administrateur de l’espace Pix Orga de cette école peut effectuer cette action.");

    public static DomainException MemberNotFound() => DomainException.NotFound(
        "MEMBER_NOT_FOUND", "Cette personne ne fait pas partie de l’équipe de l’école.");

    public static DomainException InvalidRole() => DomainException.Invalid(
        "INVALID_ROLE", "Le rôle doit être « Administrateur » ou « Membre ».", "role");

    public static DomainException LastAdmin() => DomainException.Precondition(
        "LAST_ADMIN", "L’espace Pix Orga de l’école doit toujours garder au moins un administrateur : nommez-en un autre avant.");

    public static DomainException LastAdminCannotLeave() => DomainException.Precondition(
        "LAST_ADMIN", "Vous êtes le dernier administrateur de l’espace Pix Orga de l’école : nommez-en un autre avant de le quitter.");

    /// <summary>The invitations stay pending (and resendable); each failed address is named.</summary>
    public static DomainException InvitationMailsFailed(IReadOnlyList<string> emails) => new(
        ErrorKind.Unavailable,
        emails.Select(email => new DomainError(
            "SENDING_EMAIL_FAILED", $"L'envoi d'e-mail pour l'adresse {email} a échoué.", "emails")).ToList());

    /// <summary>The school's address must not be revealed to an anonymous requester.</summary>
    public static DomainException SchoolMailFailed() => new(
        ErrorKind.Unavailable, "SENDING_EMAIL_FAILED", "L'envoi de l'e-mail à l'adresse de votre établissement a échoué. Merci de réessayer plus tard.");
}
