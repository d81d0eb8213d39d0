using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.EndToEnd.Team;

[Collection(EndToEndCollection.Name)]
public sealed class TeamTests(PixOrgaApp app)
{
    private TeamService.TeamServiceClient Team => new(app.Channel);

    private AccountsService.AccountsServiceClient AccountsClient => new(app.Channel);

    [Fact]
    public async Task ListMembers_SeveralPages_EveryMemberOnceInNameOrder()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var paul = await TeamMembers.InviteAndJoinAsync(app, admin, "Paul", "Édouard");
        var anne = await TeamMembers.InviteAndJoinAsync(app, admin, "Anne", "Bernard");
        var zoe = await TeamMembers.InviteAndJoinAsync(app, admin, "Zoé", "Bernard");

        var first = await Team.ListMembersAsync(new ListMembersRequest { Uai = admin.Uai, PageSize = 2 }, paul.Headers);
        var second = await Team.ListMembersAsync(new ListMembersRequest { Uai = admin.Uai, PageSize = 2, PageToken = first.NextPageToken }, paul.Headers);

        Assert.Equal(
            [anne.UserId, zoe.UserId, admin.UserId, paul.UserId],
            first.Members.Concat(second.Members).Select(m => Guid.Parse(m.UserId)));
        Assert.Equal(string.Empty, second.NextPageToken);
        var claire = second.Members[0];
        Assert.Equal(("Claire", "Directrice", admin.Email, SchoolRole.Admin), (claire.FirstName, claire.LastName, claire.Email, claire.Role));
    }

    [Fact]
    public async Task ListMembers_BadPageToken_InvalidArgument()
    {
        var admin = await SchoolAdmins.CreateAsync(app);

        await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => Team.ListMembersAsync(new ListMembersRequest { Uai = admin.Uai, PageToken = "bm9wZQ" }, admin.Headers),
            reason: "INVALID_PAGE_TOKEN");
    }

    [Fact]
    public async Task UpdateMemberRole_UnspecifiedRole_InvalidArgument()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var member = await TeamMembers.InviteAndJoinAsync(app, admin);

        await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => Team.UpdateMemberRoleAsync(new UpdateMemberRoleRequest { Uai = admin.Uai, UserId = member.UserId.ToString() }, admin.Headers),
            reason: "INVALID_ROLE",
            message: "Le rôle doit être « Administrateur » ou « Membre ».");
    }

    [Fact]
    public async Task UpdateMemberRole_NotAMemberOrBadId_NotFoundOrInvalid()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var outsider = await Infrastructure.Accounts.SignUpAsync(app);

        await RpcAssert.FailsAsync(
            StatusCode.NotFound,
            () => Team.UpdateMemberRoleAsync(new UpdateMemberRoleRequest { Uai = admin.Uai, UserId = outsider.UserId.ToString(), Role = SchoolRole.Admin }, admin.Headers),
            reason: "MEMBER_NOT_FOUND",
            message: "Cette personne ne fait pas partie de l’équipe de l’école.");
        await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => Team.RemoveMemberAsync(new RemoveMemberRequest { Uai = admin.Uai, UserId = "pas-un-id" }, admin.Headers),
            reason: "INVALID_USER_ID");
    }

    [Fact]
    public async Task UpdateMemberRole_Promoted_MemberCanNowAdministerAndGetMeShowsTheRole()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var member = await TeamMembers.InviteAndJoinAsync(app, admin);

        var updated = await Team.UpdateMemberRoleAsync(
            new UpdateMemberRoleRequest { Uai = admin.Uai, UserId = member.UserId.ToString(), Role = SchoolRole.Admin }, admin.Headers);

        Assert.Equal(SchoolRole.Admin, updated.Member.Role);
        Assert.Equal("Paul", updated.Member.FirstName);
        Assert.Equal(SchoolRole.Admin, Assert.Single((await AccountsClient.GetMeAsync(new GetMeRequest(), member.Headers)).Memberships).Role);
        await Team.UpdateMemberRoleAsync(
            new UpdateMemberRoleRequest { Uai = admin.Uai, UserId = admin.UserId.ToString(), Role = SchoolRole.Member }, member.Headers);
        Assert.Equal(SchoolRole.Member, Assert.Single((await AccountsClient.GetMeAsync(new GetMeRequest(), admin.Headers)).Memberships).Role);
    }

    [Fact]
    public async Task LeaveSchool_Member_LeavesAndLosesAccessAtOnce()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var member = await TeamMembers.InviteAndJoinAsync(app, admin);

        await Team.LeaveSchoolAsync(new LeaveSchoolRequest { Uai = admin.Uai }, member.Headers);

        Assert.Empty((await AccountsClient.GetMeAsync(new GetMeRequest(), member.Headers)).Memberships);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Team.ListMembersAsync(new ListMembersRequest { Uai = admin.Uai }, member.Headers), reason: "NOT_A_MEMBER");
        Assert.Equal([admin.UserId.ToString()], (await Team.ListMembersAsync(new ListMembersRequest { Uai = admin.Uai }, admin.Headers)).Members.Select(m => m.UserId));
    }

    [Fact]
    public async Task LeaveSchool_OneOfTwoAdmins_Allowed()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var second = await TeamMembers.InviteAndJoinAsync(app, admin);
        await Team.UpdateMemberRoleAsync(new UpdateMemberRoleRequest { Uai = admin.Uai, UserId = second.UserId.ToString(), Role = SchoolRole.Admin }, admin.Headers);

        await Team.LeaveSchoolAsync(new LeaveSchoolRequest { Uai = admin.Uai }, admin.Headers);

        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            () => Team.LeaveSchoolAsync(new LeaveSchoolRequest { Uai = admin.Uai }, second.Headers),
            reason: "LAST_ADMIN");
    }

    [Fact]
    public async Task RemoveMember_AlreadyRemoved_NotFound()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var member = await TeamMembers.InviteAndJoinAsync(app, admin);
        await Team.RemoveMemberAsync(new RemoveMemberRequest { Uai = admin.Uai, UserId = member.UserId.ToString() }, admin.Headers);

        await RpcAssert.FailsAsync(
            StatusCode.NotFound,
            () => Team.RemoveMemberAsync(new RemoveMemberRequest { Uai = admin.Uai, UserId = member.UserId.ToString() }, admin.Headers),
            reason: "MEMBER_NOT_FOUND");
    }

    [Fact]
    public async Task ListMembers_EmptyUai_InvalidArgument()
    {
        var admin = await SchoolAdmins.CreateAsync(app);

        await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => Team.ListMembersAsync(new ListMembersRequest { Uai = " " }, admin.Headers),
            reason: "UAI_REQUIRED");
    }
}
