using System.Net;
using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.EndToEnd.Team;

[Collection(EndToEndCollection.Name)]
public sealed class SchoolAccessTests(PixOrgaApp app)
{
    private SchoolAccessService.SchoolAccessServiceClient Access => new(app.Channel);

    private InvitationsService.InvitationsServiceClient Invitations => new(app.Channel);

    [Fact]
    public async Task RequestAdministration_KnownSchool_MailsTheSchoolMailboxWithAJoinLink()
    {
        var uai = TestData.NewUai();
        var schoolEmail = await TestSchools.ImportAsync(app, uai, name: "École Louise Michel");

        var response = await Access.RequestAdministrationAsync(new RequestAdministrationRequest
        {
            Uai = $"  {uai.ToLowerInvariant()} ",
            FirstName = " Claire ",
            LastName = "Dupont",
        });

        Assert.Equal("École Louise Michel", response.SchoolName);
        Assert.DoesNotContain(schoolEmail, response.ToString(), StringComparison.OrdinalIgnoreCase);
        var mail = await app.Smtp.WaitForAsync(schoolEmail);
        Assert.Equal("Accès à votre espace Pix Orga", mail.Subject);
        foreach (var body in new[] { mail.TextBody, WebUtility.HtmlDecode(mail.HtmlBody) })
        {
            Assert.Contains("À l'attention du personnel de direction.", body);
            Assert.Contains("Claire Dupont a fait une demande d'activation ou de récupération d'accès à l'espace Pix Orga de votre établissement en tant qu'administrateur.", body);
            Assert.Contains("Si vous êtes à l'origine de cette demande, vous pouvez poursuivre en cliquant sur le bouton ci-dessous.", body);
            Assert.Contains("Si vous n'êtes pas à l'origine de cette demande, vous pouvez transférer cet e-mail à la personne concernée de votre établissement.", body);
            Assert.Contains("École Louise Michel", body);
            Assert.Contains("Rejoindre", body);
            Assert.Contains("Ce lien est à usage unique", body);
        }

        var link = InvitationMail.From(mail);
        Assert.Contains(link.Link.Replace("&", "&amp;", StringComparison.Ordinal), mail.HtmlBody);
        Assert.StartsWith(uai + "-", link.InvitationId);
        Assert.True(Convert.FromBase64String(link.Code.Replace('-', '+').Replace('_', '/') + "==").Length >= 16);
        var invitation = await Invitations.GetInvitationAsync(new GetInvitationRequest { InvitationId = link.InvitationId, Code = link.Code });
        Assert.Equal("École Louise Michel", invitation.SchoolName);
        Assert.Equal(uai, invitation.Uai);
        Assert.Equal(InvitationStatus.Pending, invitation.Status);
        Assert.Equal(app.Clock.GetUtcNow() + TimeSpan.FromDays(14), invitation.ExpiresAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task RequestAdministration_AskedTwice_SameInvitationWithAFreshLinkAndTheFirstStopsWorking()
    {
        var uai = TestData.NewUai();
        var schoolEmail = await TestSchools.ImportAsync(app, uai);
        await RequestAsync(uai);
        var first = await InvitationMail.ReceivedAsync(app, schoolEmail);

        await RequestAsync(uai);
        var second = await InvitationMail.ReceivedAsync(app, schoolEmail, seenBefore: 1);

        Assert.Equal(first.InvitationId, second.InvitationId);
        Assert.NotEqual(first.Code, second.Code);
        await RpcAssert.FailsAsync(
            StatusCode.NotFound,
            () => Invitations.GetInvitationAsync(new GetInvitationRequest { InvitationId = first.InvitationId, Code = first.Code }),
            reason: "INVITATION_NOT_FOUND");
        var invitation = await Invitations.GetInvitationAsync(new GetInvitationRequest { InvitationId = second.InvitationId, Code = second.Code });
        Assert.Equal(InvitationStatus.Pending, invitation.Status);
    }

    [Fact]
    public async Task RequestAdministration_EmptyFields_InvalidArgumentNamingEachField()
    {
        var exception = await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => Access.RequestAdministrationAsync(new RequestAdministrationRequest { Uai = " ", FirstName = "", LastName = "  " }),
            reason: "UAI_REQUIRED",
            message: "L'UAI/RNE n'est pas renseigné.");

        var violations = RpcAssert.Violations(exception);
        Assert.Equal(["uai", "first_name", "last_name"], violations.Select(v => v.Field));
        Assert.Equal(
            ["L'UAI/RNE n'est pas renseigné.", "Votre prénom n’est pas renseigné.", "Votre nom n’est pas renseigné."],
            violations.Select(v => v.Description));
    }

    [Fact]
    public async Task RequestAdministration_OnlyLastNameMissing_LastNameRequired()
    {
        var uai = TestData.NewUai();
        await TestSchools.ImportAsync(app, uai);

        await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => Access.RequestAdministrationAsync(new RequestAdministrationRequest { Uai = uai, FirstName = "Claire" }),
            reason: "LAST_NAME_REQUIRED",
            message: "Votre nom n’est pas renseigné.");
    }

    [Fact]
    public async Task RequestAdministration_UnknownSchool_NotFound()
    {
        await RpcAssert.FailsAsync(
            StatusCode.NotFound,
            () => RequestAsync(TestData.NewUai()),
            reason: "SCHOOL_NOT_FOUND",
            message: "L'UAI/RNE de l'établissement n’est pas reconnu.");
    }

    [Fact]
    public async Task RequestAdministration_ArchivedSchool_NotFoundAndNoMail()
    {
        var uai = TestData.NewUai();
        var schoolEmail = await TestSchools.ImportAsync(app, uai, archived: true);

        await RpcAssert.FailsAsync(
            StatusCode.NotFound,
            () => RequestAsync(uai),
            reason: "SCHOOL_NOT_FOUND",
            message: "L'UAI/RNE de l'établissement n’est pas reconnu.");
        Assert.Empty(app.Smtp.To(schoolEmail));
    }

    [Fact]
    public async Task RequestAdministration_SchoolWithoutEmail_FailedPrecondition()
    {
        var uai = TestData.NewUai();
        await TestSchools.ImportAsync(app, uai, withEmail: false);

        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            () => RequestAsync(uai),
            reason: "SCHOOL_WITHOUT_EMAIL",
            message: "Nous n’avons pas d’adresse e-mail de contact associée à votre établissement.");
    }

    [Fact]
    public async Task RequestAdministration_MailRefused_UnavailableWithoutRevealingTheAddressThenRetryWorks()
    {
        var uai = TestData.NewUai();
        var schoolEmail = await TestSchools.ImportAsync(app, uai);
        app.Smtp.RefusedRecipients[schoolEmail] = true;
        try
        {
            var exception = await RpcAssert.FailsAsync(StatusCode.Unavailable, () => RequestAsync(uai), reason: "SENDING_EMAIL_FAILED");
            Assert.DoesNotContain(schoolEmail, exception.Status.Detail, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            app.Smtp.RefusedRecipients.TryRemove(schoolEmail, out _);
        }

        await RequestAsync(uai);
        var link = await InvitationMail.ReceivedAsync(app, schoolEmail);
        var invitation = await Invitations.GetInvitationAsync(new GetInvitationRequest { InvitationId = link.InvitationId, Code = link.Code });
        Assert.Equal(InvitationStatus.Pending, invitation.Status);
    }

    [Fact]
    public async Task GetInvitation_WrongCodeOrMalformedId_NotFound()
    {
        var uai = TestData.NewUai();
        var schoolEmail = await TestSchools.ImportAsync(app, uai);
        await RequestAsync(uai);
        var link = await InvitationMail.ReceivedAsync(app, schoolEmail);

        foreach (var (id, code) in new[] { (link.InvitationId, link.Code[..^1]), (link.InvitationId, ""), ("n-importe-quoi", link.Code), ("", "") })
        {
            await RpcAssert.FailsAsync(
                StatusCode.NotFound,
                () => Invitations.GetInvitationAsync(new GetInvitationRequest { InvitationId = id, Code = code }),
                reason: "INVITATION_NOT_FOUND",
                message: "Cette invitation est introuvable : vérifiez que vous avez bien suivi le lien complet reçu par e-mail.");
        }
    }

    [Fact]
    public async Task GetInvitation_AfterFourteenDays_ExpiredUntilRenewed()
    {
        var uai = TestData.NewUai();
        var schoolEmail = await TestSchools.ImportAsync(app, uai);
        await RequestAsync(uai);
        var link = await InvitationMail.ReceivedAsync(app, schoolEmail);

        app.Clock.Advance(TimeSpan.FromDays(14));

        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            () => Invitations.GetInvitationAsync(new GetInvitationRequest { InvitationId = link.InvitationId, Code = link.Code }),
            reason: "EXPIRED_INVITATION",
            message: "Cette invitation a expiré. Demandez-en une nouvelle à un administrateur de l’école.");
        await RequestAsync(uai);
        var renewed = await InvitationMail.ReceivedAsync(app, schoolEmail, seenBefore: 1);
        var invitation = await Invitations.GetInvitationAsync(new GetInvitationRequest { InvitationId = renewed.InvitationId, Code = renewed.Code });
        Assert.Equal(InvitationStatus.Pending, invitation.Status);
    }

    private async Task RequestAsync(string uai) =>
        await Access.RequestAdministrationAsync(new RequestAdministrationRequest { Uai = uai, FirstName = "Claire", LastName = "Dupont" });
}
