using System.Globalization;
using PixOrga.Grains.Mail;

namespace PixOrga.Grains.Team;

/// <summary>The two mails that carry an invitation link.</summary>
public static class InvitationMails
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Deadlines are written in the schools' time zone.</summary>
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out var zone)
        ? zone
        : TimeZoneInfo.Utc;

    /// <summary>To the school's own mailbox, after someone asked to administer its space.</summary>
    public static MailMessageContent SchoolAccess(
        string to, string schoolName, string firstName, string lastName, string link, DateTimeOffset expiresAt) =>
        MailTemplates.Render("school-access", to, new Dictionary<string, string>
        {
            ["schoolName"] = schoolName,
            ["firstName"] = firstName,
            ["lastName"] = lastName,
            ["link"] = link,
            ["expiresAt"] = Deadline(expiresAt),
        });

    /// <summary>To a person an administrator invited into the team.</summary>
    public static MailMessageContent TeamInvitation(string to, string schoolName, string link, DateTimeOffset expiresAt) =>
        MailTemplates.Render("team-invitation", to, new Dictionary<string, string>
        {
            ["schoolName"] = schoolName,
            ["link"] = link,
            ["expiresAt"] = Deadline(expiresAt),
        });

    public static string Deadline(DateTimeOffset expiresAt) =>
        TimeZoneInfo.ConvertTime(expiresAt, Paris).ToString("dd/MM/yyyy 'à' HH'h'mm", French);
}
