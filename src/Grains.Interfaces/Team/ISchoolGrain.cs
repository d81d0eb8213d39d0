using Orleans.Concurrency;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Schools;

namespace PixOrga.Grains.Interfaces.Team;

/// <summary>
/// A school's Pix Orga space: its team and invitations. Keyed by <c>Uai.GrainKey(uai)</c>; the
/// same activation also serves <c>ISchoolRosterGrain</c>, so one grain is the single writer of
/// everything about its school. Every method checks the caller itself.
/// </summary>
public interface ISchoolGrain : IGrainWithStringKey
{
    /// <summary>Anyone: mails an ADMIN invitation to the school's own mailbox; returns the school's name.</summary>
    Task<string> RequestAdministration(string firstName, string lastName);

    /// <summary>ADMIN: invites (or re-invites) addresses as typed, comma-separated entries included.</summary>
    Task<IReadOnlyList<InvitationView>> CreateInvitations(Caller caller, IReadOnlyList<string> emails);

    /// <summary>ADMIN: pending invitations, most recently sent first.</summary>
    Task<InvitationPage> ListInvitations(Caller caller, int pageSize, string? after);

    /// <summary>ADMIN: a fresh link for a pending invitation, mailed again.</summary>
    Task<InvitationView> ResendInvitation(Caller caller, string invitationId);

    /// <summary>ADMIN: cancels a pending invitation.</summary>
    Task<InvitationView> CancelInvitation(Caller caller, string invitationId);

    /// <summary>Anyone holding the link.</summary>
    Task<InvitationSummary> GetInvitation(string invitationId, string code);

    /// <summary>A signed-in user holding the link: joins the school (single use).</summary>
    Task<AcceptedInvitation> AcceptInvitation(Caller caller, string invitationId, string code);

    /// <summary>Any member: the active members, by last name then first name.</summary>
    Task<MemberPage> ListMembers(Caller caller, int pageSize, string? after);

    /// <summary>ADMIN: changes a member's role, keeping at least one administrator.</summary>
    Task<MemberView> UpdateMemberRole(Caller caller, Guid userId, SchoolRole role);

    /// <summary>ADMIN: disables a membership, keeping at least one administrator.</summary>
    Task RemoveMember(Caller caller, Guid userId);

    /// <summary>Any member: disables their own membership, unless they are the last administrator.</summary>
    Task LeaveSchool(Caller caller);

    /// <summary>
    /// Any member: their role, refused like every member call otherwise. Asked on every call by the
    /// grains beside this one (missions), which keep nothing about the team: a change counts at once.
    /// </summary>
    [ReadOnly]
    Task<SchoolRole> GetCallerRole(Caller caller);
}
