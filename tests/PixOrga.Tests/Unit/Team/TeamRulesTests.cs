using PixOrga.Grains.Interfaces.Schools;
using PixOrga.Grains.Team;

namespace PixOrga.Tests.Unit.Team;

public sealed class TeamRulesTests
{
    private static readonly Guid Anne = Guid.NewGuid();
    private static readonly Guid Paul = Guid.NewGuid();

    [Theory]
    [InlineData(SchoolRole.Unspecified, false, SchoolRole.Admin)]
    [InlineData(SchoolRole.Unspecified, true, SchoolRole.Member)]
    [InlineData(SchoolRole.Admin, true, SchoolRole.Admin)]
    [InlineData(SchoolRole.Member, false, SchoolRole.Member)]
    public void RoleOnAcceptance_InvitationRoleAndTeam_Expected(SchoolRole invited, bool hasMembers, SchoolRole expected)
    {
        Assert.Equal(expected, TeamRules.RoleOnAcceptance(invited, hasMembers));
    }

    [Fact]
    public void IsLastAdmin_OnlyAdmin_True()
    {
        Assert.True(TeamRules.IsLastAdmin([(Anne, SchoolRole.Admin), (Paul, SchoolRole.Member)], Anne));
    }

    [Fact]
    public void IsLastAdmin_TwoAdmins_False()
    {
        Assert.False(TeamRules.IsLastAdmin([(Anne, SchoolRole.Admin), (Paul, SchoolRole.Admin)], Anne));
    }

    [Fact]
    public void IsLastAdmin_Member_False()
    {
        Assert.False(TeamRules.IsLastAdmin([(Anne, SchoolRole.Admin), (Paul, SchoolRole.Member)], Paul));
    }
}
