using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Grains.Interfaces.Roster;

/// <summary>Errors of the pupils feature that are RPC errors (a file's own errors are part of its import).</summary>
public static class RosterErrors
{
    /// <summary>20 MB, as the reference platform counts them (20 × 1 048 576 bytes).</summary>
    public const long MaxFileBytes = 20L * 1024 * 1024;

    public const int MaxFileNameLength = 255;
    public const int MaxIdempotencyKeyLength = 100;
    public const int MaxInesPerLookup = 1000;

    // INVALID_ARGUMENT rather than RESOURCE_EXHAUSTED: the limit does not depend on load or quota,
    // so the school must send a smaller file; retrying the same one can never succeed.
    public static DomainException PayloadTooLarge() => DomainException.Invalid(
        "PAYLOAD_TOO_LARGE", "La taille du fichier doit être inférieure à 20Mo.", "chunk");

    public static DomainException MetadataRequired() => DomainException.Invalid(
        "IMPORT_METADATA_REQUIRED", "Le premier message de l’envoi doit décrire le fichier : école et nom du fichier.", "metadata");

    public static DomainException MetadataRepeated() => DomainException.Invalid(
        "IMPORT_METADATA_REPEATED", "La description du fichier s’envoie une seule fois, dans le premier message.", "metadata");

    public static DomainException FileNameRequired() => DomainException.Invalid(
        "FILE_NAME_REQUIRED", "Le nom du fichier est obligatoire.", "file_name");

    public static DomainException FileNameTooLong() => DomainException.Invalid(
        "FILE_NAME_TOO_LONG", $"Le nom du fichier ne doit pas dépasser {MaxFileNameLength} caractères.", "file_name");

    public static DomainException IdempotencyKeyTooLong() => DomainException.Invalid(
        "IDEMPOTENCY_KEY_TOO_LONG", $"La clé d’idempotence ne doit pas dépasser {MaxIdempotencyKeyLength} caractères.", "idempotency_key");

    public static DomainException ImportNotStarted() => DomainException.Precondition(
        "IMPORT_NOT_STARTED", "L'import n'a pas été commencé.");

    public static DomainException ImportAlreadyStarted() => DomainException.Precondition(
        "IMPORT_ALREADY_STARTED", "Cet import a déjà été commencé.");

    public static DomainException ImportIdInvalid() => DomainException.Invalid(
        "IMPORT_ID_INVALID", "L’identifiant de l’import est invalide.", "import_id");

    public static DomainException ImportNotFound() => DomainException.NotFound(
        "IMPORT_NOT_FOUND", "Cet import est introuvable.");

    public static DomainException ImportNotAwaitingConfirmation() => DomainException.Precondition(
        "IMPORT_NOT_AWAITING_CONFIRMATION", "Cet import n’attend pas de confirmation.");

    public static DomainException InvalidPageToken() => DomainException.Invalid(
        "INVALID_PAGE_TOKEN", "Le jeton de page est invalide.", "page_token");

    public static DomainException TooManyInes() => DomainException.Invalid(
        "TOO_MANY_INES", $"Au plus {MaxInesPerLookup} INE peuvent être recherchés à la fois.", "ines");
}
