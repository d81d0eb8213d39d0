using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Schools;
using PixOrga.Grains.Interfaces.Team;
using PixOrga.Grains.Schools;

namespace PixOrga.Grains.Team;

/// <summary>
/// The members of a school and their roles, over the grain's stored team: who may act, and the
/// rule that a space always keeps one administrator. No I/O: the grain persists the state after.
/// </summary>
public sealed class SchoolTeam(SchoolTeamState state)
{
    public IEnumerable<MemberRecord> Active => state.Members.Values.Where(m => m.IsActive);

    public MemberRecord? ActiveMember(Guid userId) =>
        state.Members.TryGetValue(userId, out var member) && member.IsActive ? member : null;

    /// <summary>A signed-in member of this school (any role).</summary>
    public MemberRecord RequireMember(Caller caller)
    {
        var userId = caller.UserId ?? throw CommonErrors.Unauthenticated();
        return ActiveMember(userId) ?? throw NotAMember();
    }

    /// <summary>A signed-in administrator of this school.</summary>
    public MemberRecord RequireAdmin(Caller caller)
    {
        var member = RequireMember(caller);
        return member.Role == SchoolRole.Admin ? member : throw TeamErrors.NotAnAdmin();
    }

    /// <summary>Gives an active member a new role, refusing to demote the last administrator.</summary>
    public MemberRecord ChangeRole(Guid userId, SchoolRole role)
    {
        if (role is not (SchoolRole.Admin or SchoolRole.Member))
        {
            throw TeamErrors.InvalidRole();
        }

        var member = ActiveMember(userId) ?? throw TeamErrors.MemberNotFound();
        if (role != SchoolRole.Admin && IsLastAdmin(member))
        {
            throw TeamErrors.LastAdmin();
        }

        member.Role = role;
        return member;
    }

    /// <summary>An administrator removes a member: disabled, not erased.</summary>
    public MemberRecord Remove(Guid userId, Guid by, DateTimeOffset now)
    {
        var member = ActiveMember(userId) ?? throw TeamErrors.MemberNotFound();
        if (IsLastAdmin(member))
        {
            throw TeamErrors.LastAdmin();
        }

        Disable(member, by, now);
        return member;
    }

    /// <summary>A member leaves, unless they are the last administrator.</summary>
    public MemberRecord Leave(Caller caller, DateTimeOffset now)
    {
        var member = RequireMember(caller);
        if (IsLastAdmin(member))
        {
            throw TeamErrors.LastAdminCannotLeave();
        }

        Disable(member, member.UserId, now);
        return member;
    }

    /// <summary>
    /// The role an accepted invitation gives, or null when the person is already in the team and
    /// the invitation names no role (the link is used up either way, as in Pix). An invitation
    /// only ever raises a member's role: demoting is an administrator's explicit act.
    /// </summary>
    public SchoolRole? Accept(Guid userId, SchoolRole invitationRole, DateTimeOffset now)
    {
        if (ActiveMember(userId) is { } existing)
        {
            if (invitationRole == SchoolRole.Unspecified)
            {
                return null;
            }

            if (invitationRole == SchoolRole.Admin)
            {
                existing.Role = SchoolRole.Admin;
            }

            return existing.Role;
        }

        var role = TeamRules.RoleOnAcceptance(invitationRole, Active.Any());
        Join(userId, role, now);
        return role;
    }

    /// <summary>A new membership, or the return of someone removed earlier (their past period kept).</summary>
    private void Join(Guid userId, SchoolRole role, DateTimeOffset now)
    {
        if (state.Members.TryGetValue(userId, out var former) && former.DisabledAt is { } disabledAt)
        {
            former.PastPeriods.Add(new MembershipPeriod
            {
                Role = former.Role,
                JoinedAt = former.JoinedAt,
                DisabledAt = disabledAt,
                DisabledBy = former.DisabledBy,
            });
            former.Role = role;
            former.JoinedAt = now;
            former.DisabledAt = null;
            former.DisabledBy = null;
            return;
        }

        state.Members[userId] = new MemberRecord { UserId = userId, Role = role, JoinedAt = now };
    }

    private static void Disable(MemberRecord member, Guid by, DateTimeOffset now)
    {
        member.DisabledAt = now;
        member.DisabledBy = by;
    }

    private bool IsLastAdmin(MemberRecord member) =>
        member.Role == SchoolRole.Admin && TeamRules.IsLastAdmin(Active.Select(m => (m.UserId, m.Role)), member.UserId);

    private static DomainException NotAMember() => DomainException.Denied(
        "NOT_A_MEMBER", "Vous n’êtes pas membre de l’espace Pix Orga de cette école.");
}
