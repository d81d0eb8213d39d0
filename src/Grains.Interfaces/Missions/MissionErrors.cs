using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Grains.Interfaces.Missions;

/// <summary>Errors of the missions and Pix Junior services, with the French text shown.</summary>
public static class MissionErrors
{
    public const int MaxEventIdLength = 100;

    public static DomainException MissionUnknown() => DomainException.NotFound(
        "MISSION_NOT_FOUND", "Cette mission n’existe pas.");

    public static DomainException SchoolCodeRequired() => DomainException.Invalid(
        "FIELD_REQUIRED", "Le code école n’est pas renseigné.", "code");

    public static DomainException SchoolCodeUnknown() => DomainException.NotFound(
        "SCHOOL_CODE_UNKNOWN", "Ce code école n’existe pas. Vérifiez-le auprès de votre enseignant.");

    public static DomainException ClassUnknown() => DomainException.NotFound(
        "CLASS_NOT_FOUND", "Cette classe n’existe pas dans cette école.");

    public static DomainException PupilUnknown() => DomainException.NotFound(
        "PUPIL_NOT_FOUND", "Cet élève n’existe pas.");

    public static DomainException FieldRequired(string field, string label) => DomainException.Invalid(
        "FIELD_REQUIRED", $"Le champ « {label} » n’est pas renseigné.", field);

    public static DomainException EventIdTooLong() => DomainException.Invalid(
        "FIELD_STRING_MAX", $"L’identifiant d’événement ne doit pas dépasser {MaxEventIdLength} caractères.", "event_id");

    public static DomainException ReachedStepNegative() => DomainException.Invalid(
        "FIELD_BAD_VALUE", "L’étape atteinte ne peut pas être négative.", "result.reached_step");

    public static DomainException EventIdReused() => new(
        ErrorKind.AlreadyExists,
        "EVENT_ID_REUSED",
        "Cet identifiant d’événement a déjà été utilisé pour un autre événement.");

    public static DomainException CodeGenerationFailed() => new(
        ErrorKind.Aborted,
        "SCHOOL_CODE_GENERATION_FAILED",
        "Le code école n’a pas pu être créé. Merci de réessayer.");

    public static DomainException InvalidPageToken() => DomainException.Invalid(
        "INVALID_PAGE_TOKEN", "Le jeton de page est invalide.", "page_token");
}
