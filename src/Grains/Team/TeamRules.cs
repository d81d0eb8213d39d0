using PixOrga.Grains.Interfaces.Schools;

namespace PixOrga.Grains.Team;

/// <summary>The team's rules that need no I/O.</summary>
public static class TeamRules
{
    /// <summary>
    /// The role an acceptance gives: the invitation's, or ADMIN for the first member of an empty
    /// space (someone must be able to invite the others), otherwise MEMBER.
    /// </summary>
    public static SchoolRole RoleOnAcceptance(SchoolRole invitationRole, bool schoolHasActiveMembers) =>
        invitationRole != SchoolRole.Unspecified ? invitationRole
        : schoolHasActiveMembers ? SchoolRole.Member
        : SchoolRole.Admin;

    /// <summary>
    /// Whether taking the ADMIN role away from <paramref name="userId"/> (demotion, removal,
    /// departure) would leave the space without an administrator.
    /// </summary>
    public static bool IsLastAdmin(IEnumerable<(Guid UserId, SchoolRole Role)> activeMembers, Guid userId)
    {
        var admins = activeMembers.Where(m => m.Role == SchoolRole.Admin).Select(m => m.UserId).ToList();
        return admins.Count == 1 && admins[0] == userId;
    }
}
