using System.Net;
using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.EndToEnd.Team;

/// <summary>The seed's first two steps and the «Équipe» tab, walked as the people of a school do.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SeedJourneyTests(PixOrgaApp app)
{
    [Fact]
    public async Task SchoolJourney_ActivationInvitationsAndTeam_WorksEndToEndWithRealMails()
    {
        var access = new SchoolAccessService.SchoolAccessServiceClient(app.Channel);
        var invitations = new InvitationsService.InvitationsServiceClient(app.Channel);
        var team = new TeamService.TeamServiceClient(app.Channel);
        var accounts = new AccountsService.AccountsServiceClient(app.Channel);
        var uai = TestData.NewUai();
        var schoolEmail = await TestSchools.ImportAsync(app, uai, name: "École élémentaire Jean Jaurès");

        // The head teacher asks for the space; the mail reaches the school's mailbox.
        await access.RequestAdministrationAsync(new RequestAdministrationRequest { Uai = uai, FirstName = "Claire", LastName = "Durand" });
        var activationMail = await app.Smtp.WaitForAsync(schoolEmail);
        Assert.Equal("Accès à votre espace Pix Orga", activationMail.Subject);
        var activation = InvitationMail.From(activationMail);

        // The link is followed: the join page shows the school, then the head teacher signs up and joins.
        var page = await invitations.GetInvitationAsync(new GetInvitationRequest { InvitationId = activation.InvitationId, Code = activation.Code });
        Assert.Equal("École élémentaire Jean Jaurès", page.SchoolName);
        var head = await Infrastructure.Accounts.SignUpAsync(app, firstName: "Claire", lastName: "Durand");
        var joined = await invitations.AcceptInvitationAsync(
            new AcceptInvitationRequest { InvitationId = activation.InvitationId, Code = activation.Code }, head.Headers);
        Assert.Equal(SchoolRole.Admin, joined.Role);
        var headMe = await accounts.GetMeAsync(new GetMeRequest(), head.Headers);
        var headMembership = Assert.Single(headMe.Memberships);
        Assert.Equal((uai, "École élémentaire Jean Jaurès", SchoolRole.Admin), (headMembership.Uai, headMembership.SchoolName, headMembership.Role));

        // Two teachers invited in one call, as typed in the form; one already has a Pix account.
        var newTeacherEmail = TestData.NewEmail("nouvelle");
        var existing = await Infrastructure.Accounts.SignUpAsync(app, firstName: "Bruno", lastName: "Arnaud");
        var created = await invitations.CreateInvitationsAsync(
            new CreateInvitationsRequest { Uai = uai, Emails = { $" {newTeacherEmail.ToUpperInvariant()} , {existing.Email}" } }, head.Headers);
        Assert.Equal([newTeacherEmail, existing.Email], created.Invitations.Select(i => i.Email));
        var newTeacherMail = await app.Smtp.WaitForAsync(newTeacherEmail);
        var existingMail = await app.Smtp.WaitForAsync(existing.Email);
        foreach (var mail in new[] { newTeacherMail, existingMail })
        {
            Assert.Equal("Vous êtes invité(e) à rejoindre Pix Orga", mail.Subject);
            foreach (var body in new[] { mail.TextBody, WebUtility.HtmlDecode(mail.HtmlBody) })
            {
                Assert.Contains("École élémentaire Jean Jaurès", body);
                Assert.Contains("Accepter l'invitation", body);
                Assert.Contains("Ce lien est à usage unique", body);
            }
        }

        // One signs up, the other signs in with the account she already had.
        var newTeacherLink = InvitationMail.From(newTeacherMail);
        var newTeacher = await Infrastructure.Accounts.SignUpAsync(app, email: newTeacherEmail, firstName: "Zoé", lastName: "Bernard");
        var newTeacherJoined = await invitations.AcceptInvitationAsync(
            new AcceptInvitationRequest { InvitationId = newTeacherLink.InvitationId, Code = newTeacherLink.Code }, newTeacher.Headers);
        Assert.Equal(SchoolRole.Member, newTeacherJoined.Role);
        var existingLink = InvitationMail.From(existingMail);
        var signedIn = await accounts.SignInAsync(new SignInRequest { Email = existing.Email, Password = existing.Password });
        var existingJoined = await invitations.AcceptInvitationAsync(
            new AcceptInvitationRequest { InvitationId = existingLink.InvitationId, Code = existingLink.Code },
            PixOrgaApp.Bearer(signedIn.Session.AccessToken));
        Assert.Equal(SchoolRole.Member, existingJoined.Role);

        // Three members, by last name.
        var members = (await team.ListMembersAsync(new ListMembersRequest { Uai = uai }, newTeacher.Headers)).Members;
        Assert.Equal(
            [("Arnaud", "Bruno", existing.Email, SchoolRole.Member), ("Bernard", "Zoé", newTeacherEmail, SchoolRole.Member), ("Durand", "Claire", head.Email, SchoolRole.Admin)],
            members.Select(m => (m.LastName, m.FirstName, m.Email, m.Role)));
        Assert.All(members, m => Assert.Equal(app.Clock.GetUtcNow(), m.JoinedAt.ToDateTimeOffset()));
        Assert.Empty((await invitations.ListInvitationsAsync(new ListInvitationsRequest { Uai = uai }, head.Headers)).Invitations);

        // A role changed: Bruno becomes an administrator too.
        var promoted = await team.UpdateMemberRoleAsync(
            new UpdateMemberRoleRequest { Uai = uai, UserId = existing.UserId.ToString(), Role = SchoolRole.Admin }, head.Headers);
        Assert.Equal(SchoolRole.Admin, promoted.Member.Role);
        Assert.Equal(SchoolRole.Admin, Assert.Single((await accounts.GetMeAsync(new GetMeRequest(), existing.Headers)).Memberships).Role);

        // A member removed: gone from the team and from her own list of schools at once.
        await team.RemoveMemberAsync(new RemoveMemberRequest { Uai = uai, UserId = newTeacher.UserId.ToString() }, existing.Headers);
        Assert.Empty((await accounts.GetMeAsync(new GetMeRequest(), newTeacher.Headers)).Memberships);
        await RpcAssert.FailsAsync(
            StatusCode.PermissionDenied,
            () => team.ListMembersAsync(new ListMembersRequest { Uai = uai }, newTeacher.Headers),
            reason: "NOT_A_MEMBER");

        // The last-admin guard: Bruno steps down, then Claire can neither step down, be removed nor leave.
        await team.UpdateMemberRoleAsync(
            new UpdateMemberRoleRequest { Uai = uai, UserId = existing.UserId.ToString(), Role = SchoolRole.Member }, existing.Headers);
        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            () => team.UpdateMemberRoleAsync(new UpdateMemberRoleRequest { Uai = uai, UserId = head.UserId.ToString(), Role = SchoolRole.Member }, head.Headers),
            reason: "LAST_ADMIN",
            message: "L’espace Pix Orga de l’école doit toujours garder au moins un administrateur : nommez-en un autre avant.");
        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            () => team.RemoveMemberAsync(new RemoveMemberRequest { Uai = uai, UserId = head.UserId.ToString() }, head.Headers),
            reason: "LAST_ADMIN");
        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            () => team.LeaveSchoolAsync(new LeaveSchoolRequest { Uai = uai }, head.Headers),
            reason: "LAST_ADMIN",
            message: "Vous êtes le dernier administrateur de l’espace Pix Orga de l’école : nommez-en un autre avant de le quitter.");
        var remaining = (await team.ListMembersAsync(new ListMembersRequest { Uai = uai }, head.Headers)).Members;
        Assert.Equal([("Durand", SchoolRole.Admin), ("Arnaud", SchoolRole.Member)], remaining.Select(m => (m.LastName, m.Role)).OrderBy(m => m.Role == SchoolRole.Admin ? 0 : 1));
    }
}
