using System.Text.RegularExpressions;
using MimeKit;

namespace PixOrga.Tests.Infrastructure;

/// <summary>The join link of an invitation mail, read from the mail as a person would follow it.</summary>
public sealed partial record InvitationMail(string Link, string InvitationId, string Code)
{
    public static InvitationMail From(MimeMessage message)
    {
        var match = LinkPattern().Match(message.TextBody ?? string.Empty);
        Assert.True(match.Success, "The mail holds no join link.");
        return new InvitationMail(
            match.Value,
            Uri.UnescapeDataString(match.Groups["id"].Value),
            Uri.UnescapeDataString(match.Groups["code"].Value));
    }

    /// <summary>Waits for the newest mail to <paramref name="to"/> sent after <paramref name="seenBefore"/> mails.</summary>
    public static async Task<InvitationMail> ReceivedAsync(PixOrgaApp app, string to, int seenBefore = 0) =>
        From(await app.Smtp.WaitForAsync(to, _ => app.Smtp.To(to).Count > seenBefore));

    [GeneratedRegex(@"https://orga\.test/rejoindre\?invitationId=(?<id>[^&\s]+)&code=(?<code>[A-Za-z0-9_%-]+)")]
    private static partial Regex LinkPattern();
}
