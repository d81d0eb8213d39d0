using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.EndToEnd.Team;

/// <summary>
/// Every team and invitation RPC against every kind of caller that must be turned away:
/// nobody, an internal service, an outsider, an administrator of another school, a plain member.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class TeamPermissionTests(PixOrgaApp app)
{
    private InvitationsService.InvitationsServiceClient Invitations => new(app.Channel);

    private TeamService.TeamServiceClient Team => new(app.Channel);

    [Fact]
    public async Task EveryTeamRpc_AnonymousOrService_Unauthenticated()
    {
        var school = await ArrangeAsync();
        var service = await app.OperatorAsync();

        foreach (var headers in new[] { new Metadata(), service })
        {
            foreach (var (name, call) in Calls(school, headers, adminOnly: false).Concat(Calls(school, headers, adminOnly: true)))
            {
                var exception = await Assert.ThrowsAsync<RpcException>(call);
                Assert.True(exception.StatusCode == StatusCode.Unauthenticated, $"{name}: {exception.StatusCode}");
            }
        }

        await AssertUnchangedAsync(school);
    }

    [Fact]
    public async Task EveryTeamRpc_AdminOfAnotherSchoolOrOutsider_PermissionDenied()
    {
        var school = await ArrangeAsync();
        var otherAdmin = await SchoolAdmins.CreateAsync(app);
        var outsider = await Infrastructure.Accounts.SignUpAsync(app);

        foreach (var headers in new[] { otherAdmin.Headers, outsider.Headers })
        {
            foreach (var (name, call) in Calls(school, headers, adminOnly: false).Concat(Calls(school, headers, adminOnly: true)))
            {
                var exception = await Assert.ThrowsAsync<RpcException>(call);
                Assert.True(exception.StatusCode == StatusCode.PermissionDenied, $"{name}: {exception.StatusCode}");
                Assert.Equal("NOT_A_MEMBER", exception.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason);
            }
        }

        await AssertUnchangedAsync(school);
    }

    [Fact]
    public async Task AdminRpcs_PlainMember_PermissionDenied()
    {
        var school = await ArrangeAsync();

        foreach (var (name, call) in Calls(school, school.Member.Headers, adminOnly: true))
        {
            var exception = await Assert.ThrowsAsync<RpcException>(call);
            Assert.True(exception.StatusCode == StatusCode.PermissionDenied, $"{name}: {exception.StatusCode}");
            Assert.Equal("NOT_AN_ADMIN", exception.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason);
        }

        await AssertUnchangedAsync(school);
        var members = await Team.ListMembersAsync(new ListMembersRequest { Uai = school.Admin.Uai }, school.Member.Headers);
        Assert.Equal(2, members.Members.Count);
    }

    private async Task<School> ArrangeAsync()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var member = await TeamMembers.InviteAndJoinAsync(app, admin);
        var pendingEmail = TestData.NewEmail("attente");
        var pending = (await Invitations.CreateInvitationsAsync(
            new CreateInvitationsRequest { Uai = admin.Uai, Emails = { pendingEmail } }, admin.Headers)).Invitations.Single();
        return new School(admin, member, pending.Id, pendingEmail);
    }

    /// <summary>The calls any member may make (adminOnly false) or only administrators (true).</summary>
    private IEnumerable<(string Name, Func<Task> Call)> Calls(School school, Metadata headers, bool adminOnly)
    {
        var uai = school.Admin.Uai;
        if (!adminOnly)
        {
            yield return ("ListMembers", async () => await Team.ListMembersAsync(new ListMembersRequest { Uai = uai }, headers));
            yield return ("LeaveSchool", async () => await Team.LeaveSchoolAsync(new LeaveSchoolRequest { Uai = uai }, headers));
            yield break;
        }

        yield return ("UpdateMemberRole", async () => await Team.UpdateMemberRoleAsync(
            new UpdateMemberRoleRequest { Uai = uai, UserId = school.Admin.UserId.ToString(), Role = SchoolRole.Member }, headers));
        yield return ("RemoveMember", async () => await Team.RemoveMemberAsync(
            new RemoveMemberRequest { Uai = uai, UserId = school.Admin.UserId.ToString() }, headers));
        yield return ("CreateInvitations", async () => await Invitations.CreateInvitationsAsync(
            new CreateInvitationsRequest { Uai = uai, Emails = { TestData.NewEmail("intrus") } }, headers));
        yield return ("ListInvitations", async () => await Invitations.ListInvitationsAsync(new ListInvitationsRequest { Uai = uai }, headers));
        yield return ("ResendInvitation", async () => await Invitations.ResendInvitationAsync(
            new ResendInvitationRequest { Uai = uai, InvitationId = school.PendingInvitationId }, headers));
        yield return ("CancelInvitation", async () => await Invitations.CancelInvitationAsync(
            new CancelInvitationRequest { Uai = uai, InvitationId = school.PendingInvitationId }, headers));
    }

    private async Task AssertUnchangedAsync(School school)
    {
        var members = (await Team.ListMembersAsync(new ListMembersRequest { Uai = school.Admin.Uai }, school.Admin.Headers)).Members;
        Assert.Equal(
            [(school.Admin.UserId.ToString(), SchoolRole.Admin), (school.Member.UserId.ToString(), SchoolRole.Member)],
            members.Select(m => (m.UserId, m.Role)).OrderBy(m => m.Role == SchoolRole.Admin ? 0 : 1));
        var invitation = (await Invitations.ListInvitationsAsync(new ListInvitationsRequest { Uai = school.Admin.Uai }, school.Admin.Headers)).Invitations.Single();
        Assert.Equal((school.PendingInvitationId, InvitationStatus.Pending), (invitation.Id, invitation.Status));
        Assert.Single(app.Smtp.To(school.PendingEmail));
    }

    private sealed record School(SchoolAdmin Admin, SignedUpAccount Member, string PendingInvitationId, string PendingEmail);
}
