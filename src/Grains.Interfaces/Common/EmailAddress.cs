using System.Net.Mail;

namespace PixOrga.Grains.Interfaces.Common;

/// <summary>
/// The one rule for e-mail addresses, shared by accounts and invitations: compared trimmed and
/// lower-cased, and accepted only when it is a plain address (no display name, no spaces, one
/// <c>@</c>, a dotted domain) that <see cref="MailAddress"/> also parses.
/// </summary>
public static class EmailAddress
{
    public const int MaxLength = 255;

    public static string Normalize(string? email) => (email ?? string.Empty).Trim().ToLowerInvariant();

    public static bool IsValid(string? email)
    {
        var address = (email ?? string.Empty).Trim();
        if (address.Length is 0 or > MaxLength || address.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var at = address.IndexOf('@');
        if (at <= 0 || at != address.LastIndexOf('@'))
        {
            return false;
        }

        var domain = address[(at + 1)..];
        if (!domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        // MailAddress also accepts "Name <a@b.fr>" and quoted forms: only the bare address itself passes.
        return MailAddress.TryCreate(address, out var parsed)
            && string.IsNullOrEmpty(parsed.DisplayName)
            && string.Equals(parsed.Address, address, StringComparison.Ordinal);
    }
}
