using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Roster;
using PixOrga.Grains.Interfaces.Schools;
using PixOrga.Grains.Interfaces.Team;
using PixOrga.Grains.Mail;
using PixOrga.Grains.Roster;
using PixOrga.Grains.SchoolDirectory;
using PixOrga.Grains.Team;

namespace PixOrga.Grains.Schools;

/// <summary>
/// One school: the single writer of its team, invitations and roster. Two admins acting at the
/// same time are serialised by the grain. The class is split by feature into partial files
/// (SchoolGrain.Team.cs, SchoolGrain.Roster.cs); this file holds what they share: identity,
/// profile and the authorisation rules.
/// </summary>
public sealed partial class SchoolGrain(
    [PersistentState("school-team")] IPersistentState<SchoolTeamState> team,
    [PersistentState("school-roster")] IPersistentState<SchoolRosterState> rosterState,
    SchoolDirectoryRepository directory,
    RosterRepository roster,
    IMailer mailer,
    IOptions<MailOptions> mailOptions,
    IOptions<TeamOptions> teamOptions,
    PixOrgaClock clock,
    ILogger<SchoolGrain> logger) : Grain, ISchoolGrain, ISchoolRosterGrain
{
    private string SchoolUai => Uai.FromGrainKey(this.GetPrimaryKeyString());

    /// <summary>The directory profile, read fresh: the directory import may have changed it.</summary>
    private async Task<SchoolProfile> LoadProfileAsync()
    {
        var profile = await directory.FindAsync(SchoolUai);
        if (profile is null || profile.Archived)
        {
            throw Uai.Unknown();
        }

        return profile;
    }

    private MemberRecord? ActiveMember(Guid userId) =>
        team.State.Members.TryGetValue(userId, out var member) && member.IsActive ? member : null;

    /// <summary>A signed-in member of this school (any role).</summary>
    private MemberRecord RequireMember(Caller caller)
    {
        var userId = caller.UserId ?? throw CommonErrors.Unauthenticated();
        return ActiveMember(userId) ?? throw NotAMember();
    }

    /// <summary>A signed-in administrator of this school.</summary>
    private MemberRecord RequireAdmin(Caller caller)
    {
        var member = RequireMember(caller);
        return member.Role == SchoolRole.Admin ? member : throw NotAnAdmin();
    }

    /// <summary>A member of this school, or an internal service holding <paramref name="scope"/>.</summary>
    private void RequireMemberOrScope(Caller caller, string scope)
    {
        if (caller.IsUser)
        {
            RequireMember(caller);
        }
        else
        {
            caller.RequireScope(scope);
        }
    }

    private static DomainException NotAMember() => DomainException.Denied(
        "NOT_A_MEMBER", "Vous n’êtes pas membre de l’espace Pix Orga de cette école.");

    private static DomainException NotAnAdmin() => DomainException.Denied(
        "NOT_AN_ADMIN", "Seul un administrateur de l’espace Pix Orga de cette école peut effectuer cette action.");
}
