using Microsoft.Extensions.Options;
using PixOrga.Grains.Interfaces.Team;
using PixOrga.Grains.Mail;

namespace PixOrga.Grains.Team;

/// <summary>Mails the links of invitations: to invited people, and to the school's own mailbox.</summary>
public sealed class TeamMailer(IMailer mailer, IOptions<MailOptions> options)
{
    /// <summary>Several SMTP conversations at once, so a long list is not sent one slow mail at a time.</summary>
    private const int ParallelMails = 4;

    /// <summary>Sends every mail it can; returns the addresses the mail server refused, in order.</summary>
    public async Task<List<string>> SendTeamInvitationsAsync(string schoolName, IReadOnlyList<IssuedInvitation> issued)
    {
        var mails = issued
            .Select((item, index) => (Index: index, item.Record.Email, Mail: InvitationMails.TeamInvitation(
                item.Record.Email, schoolName, Link(item), item.Record.ExpiresAt)))
            .ToList();
        var failed = new List<(int Index, string Email)>();
        await Parallel.ForEachAsync(mails, new ParallelOptions { MaxDegreeOfParallelism = ParallelMails }, async (mail, token) =>
        {
            try
            {
                await mailer.SendAsync(mail.Mail, token);
            }
            catch (MailDeliveryException)
            {
                lock (failed)
                {
                    failed.Add((mail.Index, mail.Email));
                }
            }
        });
        return failed.OrderBy(f => f.Index).Select(f => f.Email).ToList();
    }

    /// <summary>The ADMIN link, to the school's mailbox, naming who asked for it.</summary>
    public async Task SendSchoolAccessAsync(string schoolName, string firstName, string lastName, IssuedInvitation issued)
    {
        try
        {
            await mailer.SendAsync(InvitationMails.SchoolAccess(
                issued.Record.Email, schoolName, firstName.Trim(), lastName.Trim(), Link(issued), issued.Record.ExpiresAt));
        }
        catch (MailDeliveryException)
        {
            throw TeamErrors.SchoolMailFailed();
        }
    }

    private string Link(IssuedInvitation issued) =>
        InvitationLink.Build(options.Value.OrgaBaseUrl, issued.Record.Id, issued.Code);
}
