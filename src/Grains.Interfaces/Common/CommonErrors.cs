namespace PixOrga.Grains.Interfaces.Common;

/// <summary>Errors shared by every service.</summary>
public static class CommonErrors
{
    public static DomainException Unauthenticated() => new(
        ErrorKind.Unauthenticated,
        "UNAUTHENTICATED",
        "Vous devez être connecté pour effectuer cette action.");

    public static DomainException MissingScope(string scope) => new(
        ErrorKind.PermissionDenied,
        "MISSING_SCOPE",
        $"Ce service n’a pas l’autorisation « {scope} » nécessaire à cette action.");

    public static DomainException Forbidden() => new(
        ErrorKind.PermissionDenied,
        "FORBIDDEN",
        "Vous n’avez pas les droits nécessaires pour effectuer cette action.");

    public static DomainException ServiceUnavailable() => new(
        ErrorKind.Unavailable,
        "SERVICE_UNAVAILABLE",
        "Le service est momentanément indisponible. Merci de réessayer dans quelques instants.");
}
