using System.Text.RegularExpressions;
using MimeKit;

namespace PixOrga.Tests.EndToEnd.Accounts;

/// <summary>Reads the reset link out of a password-reset mail.</summary>
internal static partial class ResetLinks
{
    public const string Subject = "Demande de réinitialisation de mot de passe";

    public static string Code(MimeMessage mail)
    {
        var match = LinkPattern().Match(mail.TextBody ?? string.Empty);
        Assert.True(match.Success, "the mail carries no reset link");
        return Uri.UnescapeDataString(match.Groups[1].Value);
    }

    [GeneratedRegex(@"https://orga\.test/changer-mot-de-passe\?code=(\S+)")]
    private static partial Regex LinkPattern();
}
