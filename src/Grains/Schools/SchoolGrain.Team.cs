using System.Globalization;
using Microsoft.Extensions.Logging;
using PixOrga.Grains.Interfaces.Accounts;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Schools;
using PixOrga.Grains.Interfaces.Team;
using PixOrga.Grains.Team;

namespace PixOrga.Grains.Schools;

/// <summary>The «Équipe» tab: members read it, administrators change it, one administrator always remains.</summary>
public sealed partial class SchoolGrain
{
    private const char KeySeparator = '\u001f';

    private static readonly StringComparer NameOrder = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);

    public async Task<MemberPage> ListMembers(Caller caller, int pageSize, string? after)
    {
        RequireMember(caller);
        var active = team.State.Members.Values.Where(m => m.IsActive).ToList();

        // Names and addresses belong to the accounts: read them there, so a changed name shows at once.
        var profiles = await Task.WhenAll(active.Select(m => GrainFactory.GetGrain<IUserGrain>(m.UserId).GetProfile()));
        var members = active.Zip(profiles, (member, profile) => ToView(member, profile))
            .OrderBy(m => m.LastName, NameOrder)
            .ThenBy(m => m.FirstName, NameOrder)
            .ThenBy(m => m.UserId)
            .ToList();

        var start = after is null ? 0 : members.FindIndex(m => CompareToKey(m, after) > 0);
        if (start < 0)
        {
            return new MemberPage([], null);
        }

        var page = members.Skip(start).Take(pageSize).ToList();
        var hasMore = start + pageSize < members.Count;
        return new MemberPage(page, hasMore ? MemberSortKey(page[^1]) : null);
    }

    public async Task<MemberView> UpdateMemberRole(Caller caller, Guid userId, SchoolRole role)
    {
        RequireAdmin(caller);
        if (role is not (SchoolRole.Admin or SchoolRole.Member))
        {
            throw TeamErrors.InvalidRole();
        }

        var member = ActiveMember(userId) ?? throw TeamErrors.MemberNotFound();
        if (role != SchoolRole.Admin && IsLastAdmin(member))
        {
            throw TeamErrors.LastAdmin();
        }

        var profile = await LoadProfileAsync();
        member.Role = role;
        await SaveTeamAsync();
        var user = GrainFactory.GetGrain<IUserGrain>(userId);
        await user.SetMembership(new SchoolMembership(SchoolUai, profile.Name, role));
        logger.LogInformation("School {Uai}: user {UserId} is now {Role}", SchoolUai, userId, role);
        return ToView(member, await user.GetProfile());
    }

    public async Task RemoveMember(Caller caller, Guid userId)
    {
        var admin = RequireAdmin(caller);
        var member = ActiveMember(userId) ?? throw TeamErrors.MemberNotFound();
        if (IsLastAdmin(member))
        {
            throw TeamErrors.LastAdmin();
        }

        await DisableAsync(member, admin.UserId);
        logger.LogInformation("School {Uai}: user {UserId} removed by {AdminId}", SchoolUai, userId, admin.UserId);
    }

    public async Task LeaveSchool(Caller caller)
    {
        var member = RequireMember(caller);
        if (IsLastAdmin(member))
        {
            throw TeamErrors.LastAdminCannotLeave();
        }

        await DisableAsync(member, member.UserId);
        logger.LogInformation("School {Uai}: user {UserId} left", SchoolUai, member.UserId);
    }

    public Task<SchoolRole> GetCallerRole(Caller caller) => Task.FromResult(RequireMember(caller).Role);

    /// <summary>Disabled, not erased; the user's own list of schools forgets this one before the call returns.</summary>
    private async Task DisableAsync(MemberRecord member, Guid by)
    {
        member.DisabledAt = clock.UtcNow;
        member.DisabledBy = by;
        await SaveTeamAsync();
        await GrainFactory.GetGrain<IUserGrain>(member.UserId).RemoveMembership(SchoolUai);
    }

    private bool IsLastAdmin(MemberRecord member) =>
        member.Role == SchoolRole.Admin && TeamRules.IsLastAdmin(
            team.State.Members.Values.Where(m => m.IsActive).Select(m => (m.UserId, m.Role)), member.UserId);

    private static MemberView ToView(MemberRecord member, UserProfile? profile) => new(
        member.UserId,
        profile?.FirstName ?? string.Empty,
        profile?.LastName ?? string.Empty,
        profile?.Email ?? string.Empty,
        member.Role,
        member.JoinedAt);

    private static string MemberSortKey(MemberView member) =>
        string.Join(KeySeparator, member.LastName, member.FirstName, member.UserId.ToString());

    /// <summary>Compares a member with the key of the last one of the previous page, in list order.</summary>
    private static int CompareToKey(MemberView member, string key)
    {
        var parts = key.Split(KeySeparator);
        if (parts.Length != 3 || !Guid.TryParse(parts[2], out var userId))
        {
            throw DomainException.Invalid("INVALID_PAGE_TOKEN", "Le jeton de page est invalide.", "page_token");
        }

        var byLast = NameOrder.Compare(member.LastName, parts[0]);
        if (byLast != 0)
        {
            return byLast;
        }

        var byFirst = NameOrder.Compare(member.FirstName, parts[1]);
        return byFirst != 0 ? byFirst : member.UserId.CompareTo(userId);
    }
}
