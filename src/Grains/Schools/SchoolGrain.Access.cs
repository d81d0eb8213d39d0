using Microsoft.Extensions.Logging;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Schools;
using PixOrga.Grains.Interfaces.Team;
using PixOrga.Grains.Mail;
using PixOrga.Grains.Team;

namespace PixOrga.Grains.Schools;

/// <summary>Activation or recovery of the school's space: an ADMIN invitation mailed to the school itself.</summary>
public sealed partial class SchoolGrain
{
    public async Task<string> RequestAdministration(string firstName, string lastName)
    {
        var profile = await LoadProfileAsync();
        if (string.IsNullOrWhiteSpace(profile.Email))
        {
            throw TeamErrors.SchoolWithoutEmail();
        }

        // Works whether or not the space has administrators: that is how a school recovers it.
        var now = clock.UtcNow;
        var (invitation, code) = IssueInvitation(EmailAddress.Normalize(profile.Email), SchoolRole.Admin, now);
        await SaveTeamAsync();
        try
        {
            await mailer.SendAsync(InvitationMails.SchoolAccess(
                invitation.Email, profile.Name, firstName.Trim(), lastName.Trim(), Link(invitation, code), invitation.ExpiresAt));
        }
        catch (MailDeliveryException)
        {
            throw TeamErrors.SchoolMailFailed();
        }

        logger.LogInformation("School {Uai}: administration requested, invitation {InvitationId} sent", SchoolUai, invitation.Id);
        return profile.Name;
    }
}
