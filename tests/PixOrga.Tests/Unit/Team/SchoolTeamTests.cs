using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Schools;
using PixOrga.Grains.Interfaces.Team;
using PixOrga.Grains.Schools;
using PixOrga.Grains.Team;

namespace PixOrga.Tests.Unit.Team;

public sealed class SchoolTeamTests
{
    private static readonly Guid Anne = Guid.NewGuid();
    private static readonly Guid Paul = Guid.NewGuid();
    private static readonly Guid Zoe = Guid.NewGuid();
    private static readonly DateTimeOffset January = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset March = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset June = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    private static SchoolTeamState State(params (Guid UserId, SchoolRole Role)[] members) => new()
    {
        Members = members.ToDictionary(m => m.UserId, m => new MemberRecord { UserId = m.UserId, Role = m.Role, JoinedAt = January }),
    };

    private static SchoolTeamState AnneAdminPaulMember() => State((Anne, SchoolRole.Admin), (Paul, SchoolRole.Member));

    private static string Code(Action action) => Assert.Throws<DomainException>(action).Errors[0].Code;

    [Fact]
    public void RequireMember_Anonymous_Unauthenticated()
    {
        var team = new SchoolTeam(AnneAdminPaulMember());

        var error = Assert.Throws<DomainException>(() => team.RequireMember(Caller.Anonymous));

        Assert.Equal("UNAUTHENTICATED", error.Errors[0].Code);
        Assert.Equal(ErrorKind.Unauthenticated, error.Kind);
    }

    [Fact]
    public void RequireMember_Stranger_NotAMember()
    {
        var team = new SchoolTeam(AnneAdminPaulMember());

        var error = Assert.Throws<DomainException>(() => team.RequireMember(Caller.User(Zoe)));

        Assert.Equal("NOT_A_MEMBER", error.Errors[0].Code);
        Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
    }

    [Fact]
    public void RequireMember_RemovedMember_NotAMember()
    {
        var team = new SchoolTeam(AnneAdminPaulMember());
        team.Remove(Paul, Anne, March);

        Assert.Equal("NOT_A_MEMBER", Code(() => team.RequireMember(Caller.User(Paul))));
    }

    [Fact]
    public void RequireMember_Member_ReturnsTheirRecord()
    {
        var team = new SchoolTeam(AnneAdminPaulMember());

        var member = team.RequireMember(Caller.User(Paul));

        Assert.Equal(Paul, member.UserId);
        Assert.Equal(SchoolRole.Member, member.Role);
    }

    [Fact]
    public void RequireAdmin_Anonymous_Unauthenticated()
    {
        var team = new SchoolTeam(AnneAdminPaulMember());

        Assert.Equal("UNAUTHENTICATED", Code(() => team.RequireAdmin(Caller.Anonymous)));
    }

    [Fact]
    public void RequireAdmin_Stranger_NotAMember()
    {
        var team = new SchoolTeam(AnneAdminPaulMember());

        Assert.Equal("NOT_A_MEMBER", Code(() => team.RequireAdmin(Caller.User(Zoe))));
    }

    [Fact]
    public void RequireAdmin_MemberNotAdmin_NotAnAdmin()
    {
        var team = new SchoolTeam(AnneAdminPaulMember());

        var error = Assert.Throws<DomainException>(() => team.RequireAdmin(Caller.User(Paul)));

        Assert.Equal("NOT_AN_ADMIN", error.Errors[0].Code);
        Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
    }

    [Fact]
    public void RequireAdmin_Admin_ReturnsTheirRecord()
    {
        var team = new SchoolTeam(AnneAdminPaulMember());

        Assert.Equal(Anne, team.RequireAdmin(Caller.User(Anne)).UserId);
    }

    [Theory]
    [InlineData(SchoolRole.Unspecified)]
    [InlineData((SchoolRole)42)]
    public void ChangeRole_InvalidRole_InvalidRole(SchoolRole role)
    {
        var state = AnneAdminPaulMember();
        var team = new SchoolTeam(state);

        Assert.Equal("INVALID_ROLE", Code(() => team.ChangeRole(Paul, role)));
        Assert.Equal(SchoolRole.Member, state.Members[Paul].Role);
    }

    [Fact]
    public void ChangeRole_Stranger_MemberNotFound()
    {
        var team = new SchoolTeam(AnneAdminPaulMember());

        Assert.Equal("MEMBER_NOT_FOUND", Code(() => team.ChangeRole(Zoe, SchoolRole.Admin)));
    }

    [Fact]
    public void ChangeRole_RemovedMember_MemberNotFound()
    {
        var state = AnneAdminPaulMember();
        var team = new SchoolTeam(state);
        team.Remove(Paul, Anne, March);

        Assert.Equal("MEMBER_NOT_FOUND", Code(() => team.ChangeRole(Paul, SchoolRole.Admin)));
        Assert.Equal(SchoolRole.Member, state.Members[Paul].Role);
    }

    [Fact]
    public void ChangeRole_LastAdminDemoted_LastAdmin()
    {
        var state = AnneAdminPaulMember();
        var team = new SchoolTeam(state);

        Assert.Equal("LAST_ADMIN", Code(() => team.ChangeRole(Anne, SchoolRole.Member)));
        Assert.Equal(SchoolRole.Admin, state.Members[Anne].Role);
    }

    [Fact]
    public void ChangeRole_LastActiveAdminBesideARemovedAdmin_LastAdmin()
    {
        var state = State((Anne, SchoolRole.Admin), (Paul, SchoolRole.Admin));
        var team = new SchoolTeam(state);
        team.Remove(Paul, Anne, March);

        Assert.Equal("LAST_ADMIN", Code(() => team.ChangeRole(Anne, SchoolRole.Member)));
    }

    [Fact]
    public void ChangeRole_LastAdminKeptAdmin_Allowed()
    {
        var team = new SchoolTeam(AnneAdminPaulMember());

        Assert.Equal(SchoolRole.Admin, team.ChangeRole(Anne, SchoolRole.Admin).Role);
    }

    [Fact]
    public void ChangeRole_OneOfTwoAdmins_Demoted()
    {
        var state = State((Anne, SchoolRole.Admin), (Paul, SchoolRole.Admin));
        var team = new SchoolTeam(state);

        var member = team.ChangeRole(Anne, SchoolRole.Member);

        Assert.Equal(SchoolRole.Member, member.Role);
        Assert.Equal(SchoolRole.Member, state.Members[Anne].Role);
    }

    [Fact]
    public void ChangeRole_MemberPromoted_Admin()
    {
        var state = AnneAdminPaulMember();
        var team = new SchoolTeam(state);

        team.ChangeRole(Paul, SchoolRole.Admin);

        Assert.Equal(SchoolRole.Admin, state.Members[Paul].Role);
    }

    [Fact]
    public void Remove_LastAdmin_LastAdmin()
    {
        var state = AnneAdminPaulMember();
        var team = new SchoolTeam(state);

        var error = Assert.Throws<DomainException>(() => team.Remove(Anne, Anne, March));

        Assert.Equal("LAST_ADMIN", error.Errors[0].Code);
        Assert.Equal(TeamErrors.LastAdmin().Errors[0].Message, error.Errors[0].Message);
        Assert.Equal(ErrorKind.FailedPrecondition, error.Kind);
        Assert.True(state.Members[Anne].IsActive);
    }

    [Fact]
    public void Remove_Stranger_MemberNotFound()
    {
        var team = new SchoolTeam(AnneAdminPaulMember());

        Assert.Equal("MEMBER_NOT_FOUND", Code(() => team.Remove(Zoe, Anne, March)));
    }

    [Fact]
    public void Remove_Member_DisabledNotErased()
    {
        var state = AnneAdminPaulMember();
        var team = new SchoolTeam(state);

        team.Remove(Paul, Anne, March);

        var record = state.Members[Paul];
        Assert.False(record.IsActive);
        Assert.Equal(March, record.DisabledAt);
        Assert.Equal(Anne, record.DisabledBy);
        Assert.Equal(January, record.JoinedAt);
        Assert.Equal(SchoolRole.Member, record.Role);
        Assert.Equal([Anne], team.Active.Select(m => m.UserId));
        Assert.Null(team.ActiveMember(Paul));
    }

    [Fact]
    public void Remove_OneOfTwoAdmins_Disabled()
    {
        var state = State((Anne, SchoolRole.Admin), (Paul, SchoolRole.Admin));
        var team = new SchoolTeam(state);

        team.Remove(Paul, Anne, March);

        Assert.False(state.Members[Paul].IsActive);
    }

    [Fact]
    public void Leave_LastAdmin_LastAdminWithItsOwnMessage()
    {
        var state = AnneAdminPaulMember();
        var team = new SchoolTeam(state);

        var error = Assert.Throws<DomainException>(() => team.Leave(Caller.User(Anne), March));

        Assert.Equal("LAST_ADMIN", error.Errors[0].Code);
        Assert.Equal(TeamErrors.LastAdminCannotLeave().Errors[0].Message, error.Errors[0].Message);
        Assert.True(state.Members[Anne].IsActive);
    }

    [Fact]
    public void Leave_Anonymous_Unauthenticated()
    {
        var team = new SchoolTeam(AnneAdminPaulMember());

        Assert.Equal("UNAUTHENTICATED", Code(() => team.Leave(Caller.Anonymous, March)));
    }

    [Fact]
    public void Leave_Stranger_NotAMember()
    {
        var team = new SchoolTeam(AnneAdminPaulMember());

        Assert.Equal("NOT_A_MEMBER", Code(() => team.Leave(Caller.User(Zoe), March)));
    }

    [Fact]
    public void Leave_Member_DisabledByThemselvesNotErased()
    {
        var state = AnneAdminPaulMember();
        var team = new SchoolTeam(state);

        team.Leave(Caller.User(Paul), March);

        var record = state.Members[Paul];
        Assert.False(record.IsActive);
        Assert.Equal(March, record.DisabledAt);
        Assert.Equal(Paul, record.DisabledBy);
    }

    [Fact]
    public void Accept_EmptySpace_FirstMemberBecomesAdmin()
    {
        var state = State();
        var team = new SchoolTeam(state);

        var role = team.Accept(Anne, SchoolRole.Unspecified, March);

        Assert.Equal(SchoolRole.Admin, role);
        Assert.Equal(SchoolRole.Admin, state.Members[Anne].Role);
        Assert.Equal(March, state.Members[Anne].JoinedAt);
        Assert.True(state.Members[Anne].IsActive);
    }

    [Fact]
    public void Accept_SpaceWithOnlyFormerMembers_FirstReturningOneBecomesAdmin()
    {
        var state = State((Anne, SchoolRole.Admin), (Paul, SchoolRole.Member));
        var team = new SchoolTeam(state);
        team.Leave(Caller.User(Paul), March);
        state.Members[Anne].DisabledAt = March;

        var role = team.Accept(Zoe, SchoolRole.Unspecified, June);

        Assert.Equal(SchoolRole.Admin, role);
    }

    [Fact]
    public void Accept_SpaceWithMembers_NextOnesBecomeMembers()
    {
        var state = State();
        var team = new SchoolTeam(state);
        team.Accept(Anne, SchoolRole.Unspecified, March);

        var role = team.Accept(Paul, SchoolRole.Unspecified, June);

        Assert.Equal(SchoolRole.Member, role);
        Assert.Equal(SchoolRole.Member, state.Members[Paul].Role);
    }

    [Fact]
    public void Accept_InvitationRole_Wins()
    {
        var state = AnneAdminPaulMember();
        var team = new SchoolTeam(state);

        var role = team.Accept(Zoe, SchoolRole.Admin, June);

        Assert.Equal(SchoolRole.Admin, role);
        Assert.Equal(SchoolRole.Admin, state.Members[Zoe].Role);
    }

    [Fact]
    public void Accept_AlreadyMemberWithUnspecifiedRole_NullAndRoleKept()
    {
        var state = AnneAdminPaulMember();
        var team = new SchoolTeam(state);

        var role = team.Accept(Paul, SchoolRole.Unspecified, June);

        Assert.Null(role);
        Assert.Equal(SchoolRole.Member, state.Members[Paul].Role);
        Assert.Equal(January, state.Members[Paul].JoinedAt);
    }

    [Fact]
    public void Accept_AlreadyMemberWithAdminInvitation_Promoted()
    {
        var state = AnneAdminPaulMember();
        var team = new SchoolTeam(state);

        var role = team.Accept(Paul, SchoolRole.Admin, June);

        Assert.Equal(SchoolRole.Admin, role);
        Assert.Equal(SchoolRole.Admin, state.Members[Paul].Role);
        Assert.Equal(January, state.Members[Paul].JoinedAt);
    }

    [Fact]
    public void Accept_LastAdminWithMemberInvitation_StaysAdmin()
    {
        var state = AnneAdminPaulMember();
        var team = new SchoolTeam(state);

        var role = team.Accept(Anne, SchoolRole.Member, June);

        Assert.Equal(SchoolRole.Admin, role);
        Assert.Equal(SchoolRole.Admin, state.Members[Anne].Role);
    }

    [Fact]
    public void Accept_RemovedMemberComesBack_PastPeriodKept()
    {
        var state = State((Anne, SchoolRole.Admin), (Paul, SchoolRole.Admin));
        var team = new SchoolTeam(state);
        var former = state.Members[Paul];
        team.Remove(Paul, Anne, March);

        var role = team.Accept(Paul, SchoolRole.Unspecified, June);

        Assert.Equal(SchoolRole.Member, role);
        Assert.Same(former, state.Members[Paul]);
        Assert.Equal(2, state.Members.Count);
        Assert.True(former.IsActive);
        Assert.Equal(SchoolRole.Member, former.Role);
        Assert.Equal(June, former.JoinedAt);
        Assert.Null(former.DisabledBy);
        var past = Assert.Single(former.PastPeriods);
        Assert.Equal(SchoolRole.Admin, past.Role);
        Assert.Equal(January, past.JoinedAt);
        Assert.Equal(March, past.DisabledAt);
        Assert.Equal(Anne, past.DisabledBy);
    }

    [Fact]
    public void Accept_ComingBackTwice_BothPastPeriodsKept()
    {
        var state = AnneAdminPaulMember();
        var team = new SchoolTeam(state);
        team.Leave(Caller.User(Paul), March);
        team.Accept(Paul, SchoolRole.Unspecified, March.AddDays(1));
        team.Remove(Paul, Anne, June);

        team.Accept(Paul, SchoolRole.Unspecified, June.AddDays(1));

        var periods = state.Members[Paul].PastPeriods;
        Assert.Equal([January, March.AddDays(1)], periods.Select(p => p.JoinedAt));
        Assert.Equal(new Guid?[] { Paul, Anne }, periods.Select(p => p.DisabledBy));
    }
}
