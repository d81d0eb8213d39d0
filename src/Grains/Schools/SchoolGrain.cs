using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PixOrga.Grains.Interfaces.Accounts;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Roster;
using PixOrga.Grains.Interfaces.Schools;
using PixOrga.Grains.Interfaces.Team;
using PixOrga.Grains.Roster;
using PixOrga.Grains.SchoolDirectory;
using PixOrga.Grains.Team;

namespace PixOrga.Grains.Schools;

/// <summary>
/// One school, the single writer of its team, invitations and roster, which it holds in memory:
/// the team as its Orleans state, the roster read once when first needed. It loads, authorises,
/// delegates to the rules (<see cref="SchoolTeam"/>, <see cref="SchoolInvitations"/>,
/// <see cref="RosterImportPlanner"/>) and commits; memory takes a change only once it is stored,
/// and a failed write drops the activation so the next call reloads the truth.
/// </summary>
public sealed class SchoolGrain(
    [PersistentState("school-team")] IPersistentState<SchoolTeamState> team,
    SchoolDirectoryRepository directory,
    RosterRepository rosters,
    TeamMailer mailer,
    IOptions<TeamOptions> teamOptions,
    PixOrgaClock clock,
    ILogger<SchoolGrain> logger) : Grain, ISchoolGrain, ISchoolRosterGrain, ISchoolRosterWriterGrain
{
    private HeldProfile? profile;
    private Task<SchoolRoster>? rosterLoad;

    private string SchoolUai => Uai.FromGrainKey(this.GetPrimaryKeyString());

    private SchoolTeam Team => new(team.State);

    private SchoolInvitations Invitations => new(SchoolUai, team.State.Invitations, teamOptions.Value.InvitationLifetime);

    public async Task<string> RequestAdministration(string firstName, string lastName)
    {
        var school = await ProfileAsync();
        if (string.IsNullOrWhiteSpace(school.Email))
        {
            throw TeamErrors.SchoolWithoutEmail();
        }

        // Works whether or not the space has administrators: that is how a school recovers it.
        var issued = Invitations.Issue(EmailAddress.Normalize(school.Email), SchoolRole.Admin, clock.UtcNow);
        await SaveTeamAsync();
        await mailer.SendSchoolAccessAsync(school.Name, firstName, lastName, issued);
        logger.AdministrationRequested(SchoolUai, issued.Record.Id);
        return school.Name;
    }

    public async Task<IReadOnlyList<InvitationView>> CreateInvitations(Caller caller, IReadOnlyList<string> emails)
    {
        Team.RequireAdmin(caller);
        var addresses = InvitationEmailList.Parse(emails);
        var school = await ProfileAsync();
        var now = clock.UtcNow;
        var invitations = Invitations;
        var issued = addresses.Select(address => invitations.Issue(address, SchoolRole.Unspecified, now)).ToList();

        // Stored before anything is sent: an invitation whose mail fails stays pending and resendable.
        await SaveTeamAsync();
        var failed = await mailer.SendTeamInvitationsAsync(school.Name, issued);
        logger.InvitationsIssued(SchoolUai, issued.Count, failed.Count);
        return failed.Count > 0
            ? throw TeamErrors.InvitationMailsFailed(failed)
            : issued.Select(i => invitations.View(i.Record, now)).ToList();
    }

    public Task<InvitationPage> ListInvitations(Caller caller, int pageSize, string? after)
    {
        Team.RequireAdmin(caller);
        return Task.FromResult(Invitations.Page(pageSize, after, clock.UtcNow));
    }

    public async Task<InvitationView> ResendInvitation(Caller caller, string invitationId)
    {
        Team.RequireAdmin(caller);
        var school = await ProfileAsync();
        var now = clock.UtcNow;
        var invitations = Invitations;
        var issued = invitations.Resend(invitationId, now);
        await SaveTeamAsync();
        var failed = await mailer.SendTeamInvitationsAsync(school.Name, [issued]);
        return failed.Count > 0 ? throw TeamErrors.InvitationMailsFailed(failed) : invitations.View(issued.Record, now);
    }

    public async Task<InvitationView> CancelInvitation(Caller caller, string invitationId)
    {
        Team.RequireAdmin(caller);
        var now = clock.UtcNow;
        var invitations = Invitations;
        var cancelled = invitations.Cancel(invitationId, now);
        await SaveTeamAsync();
        return invitations.View(cancelled, now);
    }

    public async Task<InvitationSummary> GetInvitation(string invitationId, string code)
    {
        var invitation = Invitations.Usable(invitationId, code, clock.UtcNow);
        var school = await ProfileAsync();
        return new InvitationSummary(invitation.Id, SchoolUai, school.Name, InvitationStatus.Pending, invitation.ExpiresAt);
    }

    public async Task<AcceptedInvitation> AcceptInvitation(Caller caller, string invitationId, string code)
    {
        var userId = caller.UserId ?? throw CommonErrors.Unauthenticated();
        var now = clock.UtcNow;
        var invitation = Invitations.Usable(invitationId, code, now);
        var school = await ProfileAsync();
        SchoolInvitations.MarkAccepted(invitation, userId, now);
        var role = Team.Accept(userId, invitation.Role, now);
        await SaveTeamAsync();
        if (role is not { } granted)
        {
            throw TeamErrors.AlreadyMember();
        }

        await GrainFactory.GetGrain<IUserGrain>(userId).SetMembership(new SchoolMembership(SchoolUai, school.Name, granted));
        logger.InvitationAccepted(SchoolUai, invitation.Id, userId, granted);
        return new AcceptedInvitation(SchoolUai, school.Name, granted);
    }

    public Task<SchoolRole> GetCallerRole(Caller caller) => Task.FromResult(Team.RequireMember(caller).Role);

    public async Task<MemberPage> ListMembers(Caller caller, int pageSize, string? after)
    {
        Team.RequireMember(caller);
        var active = Team.Active.ToList();

        // Names and addresses belong to the accounts: read them there, so a changed name shows at once.
        var profiles = await Task.WhenAll(active.Select(m => GrainFactory.GetGrain<IUserGrain>(m.UserId).GetProfile()));
        return MemberListing.Page(active.Zip(profiles), pageSize, after);
    }

    public async Task<MemberView> UpdateMemberRole(Caller caller, Guid userId, SchoolRole role)
    {
        Team.RequireAdmin(caller);
        var school = await ProfileAsync();
        var member = Team.ChangeRole(userId, role);
        await SaveTeamAsync();
        var user = GrainFactory.GetGrain<IUserGrain>(userId);
        await user.SetMembership(new SchoolMembership(SchoolUai, school.Name, role));
        logger.RoleChanged(SchoolUai, userId, role);
        return MemberListing.View(member, await user.GetProfile());
    }

    public async Task RemoveMember(Caller caller, Guid userId)
    {
        var admin = Team.RequireAdmin(caller);
        var removed = Team.Remove(userId, admin.UserId, clock.UtcNow);
        await SaveTeamAsync();

        // The user's own list of schools forgets this one before the call returns.
        await GrainFactory.GetGrain<IUserGrain>(removed.UserId).RemoveMembership(SchoolUai);
        logger.MemberRemoved(SchoolUai, userId, admin.UserId);
    }

    public async Task LeaveSchool(Caller caller)
    {
        var member = Team.Leave(caller, clock.UtcNow);
        await SaveTeamAsync();
        await GrainFactory.GetGrain<IUserGrain>(member.UserId).RemoveMembership(SchoolUai);
        logger.MemberLeft(SchoolUai, member.UserId);
    }

    public async Task AuthorizeImport(Caller caller)
    {
        if (!caller.IsUser && caller.Scopes.Count > 0)
        {
            throw CommonErrors.Forbidden();
        }

        await ProfileAsync();
        Team.RequireAdmin(caller);

        // The roster is read while the file uploads, not after it.
        _ = RosterAsync();
    }

    public async Task<RosterImport> SubmitImport(Caller caller, OndeImportSubmission submission)
    {
        // Checked again: the caller's role may have changed while the file was uploading.
        var admin = Team.RequireAdmin(caller);
        var roster = await RosterAsync();
        var step = RosterImportPlanner.Submit(roster, submission, admin.UserId, clock.UtcNow);
        if (step.Commit is not null && !await CommitAsync(roster, step))
        {
            // The idempotency key was taken: nothing was written, the first import is the answer.
            var earlier = await rosters.History.FindByIdempotencyKeyAsync(SchoolUai, submission.Request.IdempotencyKey!);
            return (earlier ?? throw RosterErrors.ImportNotFound()) with { Replayed = true };
        }

        return step.Answer;
    }

    public Task<RosterImport> ConfirmImport(Caller caller, Guid importId) => DecideAsync(caller, importId, RosterImportPlanner.Confirm);

    public Task<RosterImport> CancelImport(Caller caller, Guid importId) => DecideAsync(caller, importId, RosterImportPlanner.Cancel);

    public async Task<StudentPage> ListStudents(Caller caller, StudentQuery query)
    {
        Team.RequireMember(caller);
        return RosterListing.Page(await RosterAsync(), query);
    }

    public async Task<IReadOnlyList<SchoolClass>> ListClasses(Caller caller)
    {
        Team.RequireMember(caller);
        return RosterListing.Classes(await RosterAsync());
    }

    public async Task<RosterImport?> GetLastImport(Caller caller)
    {
        Team.RequireMember(caller);

        // The page shows which pupils a held import would deactivate before the ADMIN decides.
        return RosterImportPlanner.WithHeldPreview(await RosterAsync());
    }

    public async Task<RosterImportPage> ListImports(Caller caller, int pageSize, string? after)
    {
        Team.RequireMember(caller);
        return await rosters.History.ListAsync(SchoolUai, pageSize, after);
    }

    /// <summary>The directory profile; an unknown or archived school keeps no activation.</summary>
    private async Task<SchoolProfile> ProfileAsync()
    {
        if (await (profile ??= new HeldProfile(directory, SchoolUai)).GetAsync(clock.UtcNow) is { } school)
        {
            return school;
        }

        DeactivateOnIdle();
        throw Uai.Unknown();
    }

    // Read-only calls may interleave: they share one load rather than each reading the roster.
    private Task<SchoolRoster> RosterAsync()
    {
        if (rosterLoad is { IsFaulted: true } or { IsCanceled: true })
        {
            rosterLoad = null;
        }

        return rosterLoad ??= LoadRosterAsync();
    }

    private async Task<SchoolRoster> LoadRosterAsync() => new(SchoolUai, await rosters.LoadAsync(SchoolUai));

    /// <summary>False when the import's idempotency key was already used (nothing written).</summary>
    private async Task<bool> CommitAsync(SchoolRoster roster, RosterStep step)
    {
        bool committed;
        try
        {
            committed = await rosters.CommitAsync(step.Commit!);
        }
        catch (Exception)
        {
            // The outcome may be unknown (a connection lost while committing): memory is not trusted.
            ForgetEverything();
            throw;
        }

        if (committed)
        {
            roster.Adopt(step.Commit!, step.ShownAsLast);
            logger.ImportCommitted(step.Answer);
        }

        return committed;
    }

    /// <summary>Confirms or cancels the held import; any other id is unknown or no longer waiting.</summary>
    private async Task<RosterImport> DecideAsync(
        Caller caller, Guid importId, Func<SchoolRoster, Guid, Guid, DateTimeOffset, RosterStep?> decide)
    {
        var admin = Team.RequireAdmin(caller);
        var roster = await RosterAsync();
        if (decide(roster, importId, admin.UserId, clock.UtcNow) is not { } step)
        {
            throw await rosters.History.FindAsync(SchoolUai, importId) is null
                ? RosterErrors.ImportNotFound()
                : RosterErrors.ImportNotAwaitingConfirmation();
        }

        await CommitAsync(roster, step);
        return step.Answer;
    }

    /// <summary>Persists the team; if that fails, the changes made in memory are never served.</summary>
    private async Task SaveTeamAsync()
    {
        try
        {
            await team.WriteStateAsync();
        }
        catch (Exception)
        {
            ForgetEverything();
            throw;
        }
    }

    private void ForgetEverything()
    {
        rosterLoad = null;
        DeactivateOnIdle();
    }
}
