using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.EndToEnd.Team;

[Collection(EndToEndCollection.Name)]
public sealed class InvitationsTests(PixOrgaApp app)
{
    private InvitationsService.InvitationsServiceClient Invitations => new(app.Channel);

    private TeamService.TeamServiceClient Team => new(app.Channel);

    [Fact]
    public async Task CreateInvitations_MalformedAddress_InvalidArgumentNamingItAndNothingSentOrStored()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var good = TestData.NewEmail("prof");

        var exception = await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => Invitations.CreateInvitationsAsync(new CreateInvitationsRequest { Uai = admin.Uai, Emails = { good, "prof.sans.arobase, x@y" } }, admin.Headers),
            reason: "INVALID_EMAIL_FORMAT",
            message: "Le format de l'adresse e-mail est incorrect.");

        Assert.Equal(
            ["Le format de l'adresse e-mail « prof.sans.arobase » est incorrect.", "Le format de l'adresse e-mail « x@y » est incorrect."],
            RpcAssert.Violations(exception).Select(v => v.Description));
        Assert.Empty(app.Smtp.To(good));
        Assert.Empty((await Invitations.ListInvitationsAsync(new ListInvitationsRequest { Uai = admin.Uai }, admin.Headers)).Invitations);
    }

    [Fact]
    public async Task CreateInvitations_NoAddress_InvalidArgument()
    {
        var admin = await SchoolAdmins.CreateAsync(app);

        await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => Invitations.CreateInvitationsAsync(new CreateInvitationsRequest { Uai = admin.Uai, Emails = { " , " } }, admin.Headers),
            reason: "EMAIL_REQUIRED",
            message: "L’adresse e-mail n’est pas renseignée.");
    }

    [Fact]
    public async Task CreateInvitations_MoreThanHundred_InvalidArgumentAndNothingSent()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var emails = Enumerable.Range(0, 101).Select(_ => TestData.NewEmail("prof")).ToList();

        await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => Invitations.CreateInvitationsAsync(new CreateInvitationsRequest { Uai = admin.Uai, Emails = { emails } }, admin.Headers),
            reason: "TOO_MANY_INVITATIONS");
        Assert.Empty(app.Smtp.To(emails[0]));
    }

    [Fact]
    public async Task CreateInvitations_SameAddressAgain_RenewedNotDuplicatedAndOldLinkDead()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var email = TestData.NewEmail("prof");
        var first = (await CreateAsync(admin, email)).Invitations.Single();
        var firstLink = await InvitationMail.ReceivedAsync(app, email);
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        var second = (await CreateAsync(admin, email.ToUpperInvariant())).Invitations.Single();
        var secondLink = await InvitationMail.ReceivedAsync(app, email, seenBefore: 1);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.CreatedAt, second.CreatedAt);
        Assert.Equal(first.LastSentAt.ToDateTimeOffset() + TimeSpan.FromMinutes(5), second.LastSentAt.ToDateTimeOffset());
        Assert.Equal(second.LastSentAt.ToDateTimeOffset() + TimeSpan.FromDays(14), second.ExpiresAt.ToDateTimeOffset());
        Assert.Single((await Invitations.ListInvitationsAsync(new ListInvitationsRequest { Uai = admin.Uai }, admin.Headers)).Invitations);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => GetAsync(firstLink), reason: "INVITATION_NOT_FOUND");
        Assert.Equal(InvitationStatus.Pending, (await GetAsync(secondLink)).Status);
    }

    [Fact]
    public async Task ListInvitations_Pending_MostRecentlySentFirstAndPaged()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var emails = new[] { TestData.NewEmail("a"), TestData.NewEmail("b"), TestData.NewEmail("c") };
        foreach (var email in emails)
        {
            await CreateAsync(admin, email);
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await Invitations.ResendInvitationAsync(new ResendInvitationRequest
        {
            Uai = admin.Uai,
            InvitationId = (await CreateAsync(admin, emails[0])).Invitations[0].Id,
        }, admin.Headers);

        var firstPage = await Invitations.ListInvitationsAsync(new ListInvitationsRequest { Uai = admin.Uai, PageSize = 2 }, admin.Headers);
        var secondPage = await Invitations.ListInvitationsAsync(
            new ListInvitationsRequest { Uai = admin.Uai, PageSize = 2, PageToken = firstPage.NextPageToken }, admin.Headers);

        Assert.Equal([emails[0], emails[2]], firstPage.Invitations.Select(i => i.Email));
        Assert.Equal([emails[1]], secondPage.Invitations.Select(i => i.Email));
        Assert.Equal(string.Empty, secondPage.NextPageToken);
        Assert.All(firstPage.Invitations.Concat(secondPage.Invitations), i => Assert.Equal(InvitationStatus.Pending, i.Status));
    }

    [Fact]
    public async Task ResendInvitation_Pending_FreshLinkAndDeadlineAndEarlierLinkStopsWorking()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var email = TestData.NewEmail("prof");
        var invitation = (await CreateAsync(admin, email)).Invitations.Single();
        var firstLink = await InvitationMail.ReceivedAsync(app, email);
        app.Clock.Advance(TimeSpan.FromDays(10));

        var resent = (await Invitations.ResendInvitationAsync(
            new ResendInvitationRequest { Uai = admin.Uai, InvitationId = invitation.Id }, await SchoolAdmins.SignInAsync(app, admin))).Invitation;
        var secondLink = await InvitationMail.ReceivedAsync(app, email, seenBefore: 1);

        Assert.Equal(app.Clock.GetUtcNow() + TimeSpan.FromDays(14), resent.ExpiresAt.ToDateTimeOffset());
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => GetAsync(firstLink), reason: "INVITATION_NOT_FOUND");
        app.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(InvitationStatus.Pending, (await GetAsync(secondLink)).Status);
    }

    [Fact]
    public async Task CancelInvitation_Pending_LinkSaysCancelledAndItCannotBeCancelledOrResentAgain()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var email = TestData.NewEmail("prof");
        var invitation = (await CreateAsync(admin, email)).Invitations.Single();
        var link = await InvitationMail.ReceivedAsync(app, email);

        var cancelled = await Invitations.CancelInvitationAsync(new CancelInvitationRequest { Uai = admin.Uai, InvitationId = invitation.Id }, admin.Headers);

        Assert.Equal(InvitationStatus.Cancelled, cancelled.Invitation.Status);
        Assert.Empty((await Invitations.ListInvitationsAsync(new ListInvitationsRequest { Uai = admin.Uai }, admin.Headers)).Invitations);
        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            () => GetAsync(link),
            reason: "CANCELLED_INVITATION",
            message: "Cette invitation a été annulée par un administrateur de l’école.");
        var user = await Infrastructure.Accounts.SignUpAsync(app, email: email);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => AcceptAsync(link, user.Headers), reason: "CANCELLED_INVITATION");
        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            () => Invitations.CancelInvitationAsync(new CancelInvitationRequest { Uai = admin.Uai, InvitationId = invitation.Id }, admin.Headers),
            reason: "UNCANCELLABLE_INVITATION",
            message: "Seule une invitation en attente peut être annulée.");
        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            () => Invitations.ResendInvitationAsync(new ResendInvitationRequest { Uai = admin.Uai, InvitationId = invitation.Id }, admin.Headers),
            reason: "UNRESENDABLE_INVITATION",
            message: "Seule une invitation en attente peut être renvoyée.");
        Assert.Single(app.Smtp.To(email));
    }

    [Fact]
    public async Task CancelInvitation_UnknownId_NotFound()
    {
        var admin = await SchoolAdmins.CreateAsync(app);

        await RpcAssert.FailsAsync(
            StatusCode.NotFound,
            () => Invitations.CancelInvitationAsync(new CancelInvitationRequest { Uai = admin.Uai, InvitationId = admin.Uai + "-abcdefghijkm" }, admin.Headers),
            reason: "INVITATION_NOT_FOUND");
    }

    [Fact]
    public async Task AcceptInvitation_LinkUsedTwice_SecondUseRefused()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var email = TestData.NewEmail("prof");
        await CreateAsync(admin, email);
        var link = await InvitationMail.ReceivedAsync(app, email);
        var first = await Infrastructure.Accounts.SignUpAsync(app, email: email);
        var second = await Infrastructure.Accounts.SignUpAsync(app);
        await AcceptAsync(link, first.Headers);

        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            () => AcceptAsync(link, second.Headers),
            reason: "ALREADY_ACCEPTED_INVITATION",
            message: "Cette invitation a déjà été utilisée : le lien est à usage unique.");
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => GetAsync(link), reason: "ALREADY_ACCEPTED_INVITATION");
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Team.ListMembersAsync(new ListMembersRequest { Uai = admin.Uai }, second.Headers));
    }

    [Fact]
    public async Task AcceptInvitation_TwoUsersAtOnce_ExactlyOneJoins()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var email = TestData.NewEmail("prof");
        await CreateAsync(admin, email);
        var link = await InvitationMail.ReceivedAsync(app, email);
        var users = await Task.WhenAll(Infrastructure.Accounts.SignUpAsync(app), Infrastructure.Accounts.SignUpAsync(app));

        var outcomes = await Task.WhenAll(users.Select(async user =>
        {
            try
            {
                await AcceptAsync(link, user.Headers);
                return (StatusCode?)null;
            }
            catch (RpcException exception)
            {
                return exception.StatusCode;
            }
        }));

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o == StatusCode.FailedPrecondition);
        var members = (await Team.ListMembersAsync(new ListMembersRequest { Uai = admin.Uai }, admin.Headers)).Members;
        Assert.Equal(2, members.Count);
        Assert.Single(users, u => members.Any(m => m.UserId == u.UserId.ToString()));
    }

    [Fact]
    public async Task AcceptInvitation_AfterFourteenDays_Expired()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var email = TestData.NewEmail("prof");
        await CreateAsync(admin, email);
        var link = await InvitationMail.ReceivedAsync(app, email);

        app.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1));
        var user = await Infrastructure.Accounts.SignUpAsync(app, email: email);

        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            () => AcceptAsync(link, user.Headers),
            reason: "EXPIRED_INVITATION",
            message: "Cette invitation a expiré. Demandez-en une nouvelle à un administrateur de l’école.");
        var listed = (await Invitations.ListInvitationsAsync(new ListInvitationsRequest { Uai = admin.Uai }, await SchoolAdmins.SignInAsync(app, admin))).Invitations.Single();
        Assert.Equal(InvitationStatus.Expired, listed.Status);
    }

    [Fact]
    public async Task AcceptInvitation_WrongCode_NotFound()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var email = TestData.NewEmail("prof");
        await CreateAsync(admin, email);
        var link = await InvitationMail.ReceivedAsync(app, email);
        var user = await Infrastructure.Accounts.SignUpAsync(app, email: email);

        await RpcAssert.FailsAsync(
            StatusCode.NotFound,
            () => AcceptAsync(link with { Code = InvitationCodeOfSameLength(link.Code) }, user.Headers),
            reason: "INVITATION_NOT_FOUND");
    }

    [Fact]
    public async Task AcceptInvitation_AlreadyMemberWithoutRole_AlreadyExists()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var member = await TeamMembers.InviteAndJoinAsync(app, admin);
        await CreateAsync(admin, member.Email);
        var link = await InvitationMail.ReceivedAsync(app, member.Email, seenBefore: 1);

        await RpcAssert.FailsAsync(
            StatusCode.AlreadyExists,
            () => AcceptAsync(link, member.Headers),
            reason: "ALREADY_EXISTING_MEMBERSHIP",
            message: "Ce membre a déjà été ajouté.");
    }

    [Fact]
    public async Task AcceptInvitation_AdministrationRequestedByAMember_MemberBecomesAdmin()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var member = await TeamMembers.InviteAndJoinAsync(app, admin);
        var schoolEmail = await TestSchools.ImportAsync(app, admin.Uai);
        var seen = app.Smtp.To(schoolEmail).Count;
        await new SchoolAccessService.SchoolAccessServiceClient(app.Channel).RequestAdministrationAsync(
            new RequestAdministrationRequest { Uai = admin.Uai, FirstName = "Paul", LastName = "Enseignant" });
        var link = await InvitationMail.ReceivedAsync(app, schoolEmail, seen);

        var accepted = await AcceptAsync(link, member.Headers);

        Assert.Equal(SchoolRole.Admin, accepted.Role);
        var members = (await Team.ListMembersAsync(new ListMembersRequest { Uai = admin.Uai }, admin.Headers)).Members;
        Assert.All(members, m => Assert.Equal(SchoolRole.Admin, m.Role));
    }

    [Fact]
    public async Task AcceptInvitation_Anonymous_Unauthenticated()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var email = TestData.NewEmail("prof");
        await CreateAsync(admin, email);
        var link = await InvitationMail.ReceivedAsync(app, email);

        var service = await app.OperatorAsync();

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => AcceptAsync(link, new Metadata()), reason: "UNAUTHENTICATED");
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => AcceptAsync(link, service), reason: "UNAUTHENTICATED");
        Assert.Equal(InvitationStatus.Pending, (await GetAsync(link)).Status);
    }

    [Fact]
    public async Task CreateInvitations_MailRefused_UnavailableNamingAddressInvitationStaysPendingAndResendable()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var refused = TestData.NewEmail("refuse");
        var delivered = TestData.NewEmail("recu");
        app.Smtp.RefusedRecipients[refused] = true;
        try
        {
            var exception = await RpcAssert.FailsAsync(
                StatusCode.Unavailable,
                () => Invitations.CreateInvitationsAsync(new CreateInvitationsRequest { Uai = admin.Uai, Emails = { refused, delivered } }, admin.Headers),
                reason: "SENDING_EMAIL_FAILED",
                message: $"L'envoi d'e-mail pour l'adresse {refused} a échoué.");
            Assert.Single(RpcAssert.Violations(exception));
        }
        finally
        {
            app.Smtp.RefusedRecipients.TryRemove(refused, out _);
        }

        await app.Smtp.WaitForAsync(delivered);
        var pending = (await Invitations.ListInvitationsAsync(new ListInvitationsRequest { Uai = admin.Uai }, admin.Headers)).Invitations;
        Assert.Equal([delivered, refused], pending.Select(i => i.Email).Order());
        await Invitations.ResendInvitationAsync(
            new ResendInvitationRequest { Uai = admin.Uai, InvitationId = pending.Single(i => i.Email == refused).Id }, admin.Headers);
        var link = await InvitationMail.ReceivedAsync(app, refused);
        Assert.Equal(InvitationStatus.Pending, (await GetAsync(link)).Status);
    }

    [Fact]
    public async Task AcceptInvitation_RemovedMemberInvitedAgain_ComesBack()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var member = await TeamMembers.InviteAndJoinAsync(app, admin);
        await Team.RemoveMemberAsync(new RemoveMemberRequest { Uai = admin.Uai, UserId = member.UserId.ToString() }, admin.Headers);
        await CreateAsync(admin, member.Email);
        var link = await InvitationMail.ReceivedAsync(app, member.Email, seenBefore: 1);

        var accepted = await AcceptAsync(link, member.Headers);

        Assert.Equal(SchoolRole.Member, accepted.Role);
        var me = await new AccountsService.AccountsServiceClient(app.Channel).GetMeAsync(new GetMeRequest(), member.Headers);
        Assert.Equal(admin.Uai, Assert.Single(me.Memberships).Uai);
        Assert.Equal(2, (await Team.ListMembersAsync(new ListMembersRequest { Uai = admin.Uai }, member.Headers)).Members.Count);
    }

    private static string InvitationCodeOfSameLength(string code) => new(code.Select(c => c == 'A' ? 'B' : 'A').ToArray());

    private async Task<CreateInvitationsResponse> CreateAsync(SchoolAdmin admin, string email) =>
        await Invitations.CreateInvitationsAsync(new CreateInvitationsRequest { Uai = admin.Uai, Emails = { email } }, admin.Headers);

    private async Task<GetInvitationResponse> GetAsync(InvitationMail link) =>
        await Invitations.GetInvitationAsync(new GetInvitationRequest { InvitationId = link.InvitationId, Code = link.Code });

    private async Task<AcceptInvitationResponse> AcceptAsync(InvitationMail link, Metadata headers) =>
        await Invitations.AcceptInvitationAsync(new AcceptInvitationRequest { InvitationId = link.InvitationId, Code = link.Code }, headers);
}
