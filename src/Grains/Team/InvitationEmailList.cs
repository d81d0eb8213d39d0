using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Grains.Team;

/// <summary>
/// The addresses of one invitation request, as typed in the form: entries may hold several
/// comma-separated addresses; each is trimmed, lower-cased and de-duplicated. Any bad address
/// refuses the whole request, so nothing is sent for a half-right list.
/// </summary>
public static class InvitationEmailList
{
    public const int MaxCount = 100;
    public const string InvalidFormatMessage = "Le format de l'adresse e-mail est incorrect.";

    public static IReadOnlyList<string> Parse(IEnumerable<string> entries)
    {
        var addresses = entries
            .SelectMany(entry => (entry ?? string.Empty).Split(','))
            .Select(EmailAddress.Normalize)
            .Where(address => address.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        if (addresses.Count == 0)
        {
            throw DomainException.Invalid("EMAIL_REQUIRED", "L’adresse e-mail n’est pas renseignée.", "emails");
        }

        var invalid = addresses.Where(address => !EmailAddress.IsValid(address)).ToList();
        if (invalid.Count > 0)
        {
            // The first error is what the form shows; one field violation per address names each.
            var errors = new List<DomainError> { new("INVALID_EMAIL_FORMAT", InvalidFormatMessage) };
            errors.AddRange(invalid.Select(address => new DomainError(
                "INVALID_EMAIL_FORMAT", $"Le format de l'adresse e-mail « {address} » est incorrect.", "emails")));
            throw new DomainException(ErrorKind.InvalidArgument, errors);
        }

        if (addresses.Count > MaxCount)
        {
            throw DomainException.Invalid(
                "TOO_MANY_INVITATIONS",
                $"Vous ne pouvez pas inviter plus de {MaxCount} personnes à la fois.",
                "emails");
        }

        return addresses;
    }
}
