using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Grains.Interfaces.Schools;

/// <summary>The UAI/RNE that identifies a French school: seven digits and a letter.</summary>
public static class Uai
{
    public const string RequiredMessage = "L'UAI/RNE n'est pas renseigné.";
    public const string UnknownMessage = "L'UAI/RNE de l'établissement n’est pas reconnu.";

    /// <summary>Trimmed and upper-cased, the form schools are stored and keyed under.</summary>
    public static string Normalize(string? uai) => (uai ?? string.Empty).Trim().ToUpperInvariant();

    /// <summary>Normalises a UAI given by a caller, refusing an empty one.</summary>
    public static string Require(string? uai)
    {
        var normalized = Normalize(uai);
        if (normalized.Length == 0)
        {
            throw DomainException.Invalid("UAI_REQUIRED", RequiredMessage, "uai");
        }

        return normalized;
    }

    public static DomainException Unknown() =>
        DomainException.NotFound("SCHOOL_NOT_FOUND", UnknownMessage);

    /// <summary>
    /// The grain key of a school. The prefix matters: the storage provider reads a key that looks
    /// hexadecimal (most UAIs do) as an integer, losing leading zeros and letter case.
    /// </summary>
    public static string GrainKey(string normalizedUai) => "uai:" + normalizedUai;

    public static string FromGrainKey(string key) => key.StartsWith("uai:", StringComparison.Ordinal) ? key[4..] : key;
}
