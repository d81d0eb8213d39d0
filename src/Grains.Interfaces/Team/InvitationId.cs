using System.Security.Cryptography;

namespace PixOrga.Grains.Interfaces.Team;

/// <summary>
/// Invitation ids read <c>{UAI}-{12 random characters}</c>: the link of a mail carries only the id
/// and the code, and the id alone tells which school grain holds the invitation.
/// </summary>
public static class InvitationId
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private const int RandomLength = 12;

    public static string New(string normalizedUai) =>
        normalizedUai + "-" + RandomNumberGenerator.GetString(Alphabet, RandomLength);

    /// <summary>The school of an id, or null for a string that cannot be an invitation id.</summary>
    public static string? SchoolOf(string? id)
    {
        var separator = id?.LastIndexOf('-') ?? -1;
        if (separator <= 0 || id!.Length - separator - 1 != RandomLength)
        {
            return null;
        }

        // Only a well-formed UAI addresses a school grain: anonymous callers cannot wake arbitrary keys.
        var uai = id[..separator];
        return uai.Length == 8 && uai[..7].All(char.IsAsciiDigit) && char.IsAsciiLetterUpper(uai[7]) ? uai : null;
    }
}
