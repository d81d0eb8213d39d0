using PixOrga.Contracts.V1;

namespace PixOrga.Tests.Infrastructure;

/// <summary>Brings a new account into a school's team through a real invitation mail.</summary>
public static class TeamMembers
{
    public static async Task<SignedUpAccount> InviteAndJoinAsync(
        PixOrgaApp app, SchoolAdmin admin, string firstName = "Paul", string lastName = "Enseignant")
    {
        var email = TestData.NewEmail("prof");
        await new InvitationsService.InvitationsServiceClient(app.Channel).CreateInvitationsAsync(
            new CreateInvitationsRequest { Uai = admin.Uai, Emails = { email } }, admin.Headers);
        var link = await InvitationMail.ReceivedAsync(app, email);
        var account = await Accounts.SignUpAsync(app, email: email, firstName: firstName, lastName: lastName);
        await new InvitationsService.InvitationsServiceClient(app.Channel).AcceptInvitationAsync(
            new AcceptInvitationRequest { InvitationId = link.InvitationId, Code = link.Code }, account.Headers);
        return account;
    }
}
