using PixOrga.Contracts.V1;

namespace PixOrga.Tests.Infrastructure;

/// <summary>
/// Makes a real administrator of a school the way a head teacher becomes one: the school is in
/// the directory, activation is requested, the mail to the school's mailbox is read, an account is
/// signed up and the invitation accepted.
/// </summary>
public static class SchoolAdmins
{
    public static async Task<SchoolAdmin> CreateAsync(PixOrgaApp app, string? uai = null)
    {
        uai ??= TestData.NewUai();
        var schoolEmail = await TestSchools.ImportAsync(app, uai);
        var mailsBefore = app.Smtp.To(schoolEmail).Count;
        await new SchoolAccessService.SchoolAccessServiceClient(app.Channel).RequestAdministrationAsync(
            new RequestAdministrationRequest { Uai = uai, FirstName = "Claire", LastName = "Directrice" });
        var link = await InvitationMail.ReceivedAsync(app, schoolEmail, mailsBefore);
        var account = await Accounts.SignUpAsync(app, firstName: "Claire", lastName: "Directrice");
        var accepted = await new InvitationsService.InvitationsServiceClient(app.Channel).AcceptInvitationAsync(
            new AcceptInvitationRequest { InvitationId = link.InvitationId, Code = link.Code }, account.Headers);
        Assert.Equal(SchoolRole.Admin, accepted.Role);
        return new SchoolAdmin(uai, account.UserId, account.AccessToken) { Email = account.Email };
    }

    /// <summary>Headers of a new session: after the test clock jumped, earlier access tokens have expired.</summary>
    public static async Task<Grpc.Core.Metadata> SignInAsync(PixOrgaApp app, SchoolAdmin admin)
    {
        var session = await new AccountsService.AccountsServiceClient(app.Channel).SignInAsync(
            new SignInRequest { Email = admin.Email, Password = Accounts.DefaultPassword });
        return PixOrgaApp.Bearer(session.Session.AccessToken);
    }
}

/// <summary>An administrator made by <see cref="SchoolAdmins.CreateAsync"/>.</summary>
public sealed record SchoolAdmin(string Uai, Guid UserId, string AccessToken)
{
    public string Email { get; init; } = string.Empty;

    public Grpc.Core.Metadata Headers => PixOrgaApp.Bearer(AccessToken);
}
