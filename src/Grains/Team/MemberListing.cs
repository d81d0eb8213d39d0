using PixOrga.Grains.Infrastructure;
using PixOrga.Grains.Interfaces.Accounts;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Team;
using PixOrga.Grains.Schools;

namespace PixOrga.Grains.Team;

/// <summary>Pages of the «Équipe» tab: active members by last name, first name, then id.</summary>
public static class MemberListing
{
    private const char KeySeparator = '\u001f';

    public static MemberPage Page(IEnumerable<(MemberRecord Member, UserProfile? Profile)> active, int pageSize, string? after)
    {
        var members = active.Select(m => View(m.Member, m.Profile))
            .OrderBy(m => m.LastName, NameOrder.French)
            .ThenBy(m => m.FirstName, NameOrder.French)
            .ThenBy(m => m.UserId)
            .ToList();
        var start = after is null ? 0 : members.FindIndex(m => CompareToKey(m, after) > 0);
        if (start < 0)
        {
            return new MemberPage([], null);
        }

        var page = members.Skip(start).Take(pageSize).ToList();
        var hasMore = start + pageSize < members.Count;
        return new MemberPage(page, hasMore ? SortKey(page[^1]) : null);
    }

    public static MemberView View(MemberRecord member, UserProfile? profile) => new(
        member.UserId,
        profile?.FirstName ?? string.Empty,
        profile?.LastName ?? string.Empty,
        profile?.Email ?? string.Empty,
        member.Role,
        member.JoinedAt);

    private static string SortKey(MemberView member) =>
        string.Join(KeySeparator, member.LastName, member.FirstName, member.UserId.ToString());

    /// <summary>Compares a member with the key of the last one of the previous page, in list order.</summary>
    private static int CompareToKey(MemberView member, string key)
    {
        var parts = key.Split(KeySeparator);
        if (parts.Length != 3 || !Guid.TryParse(parts[2], out var userId))
        {
            throw DomainException.Invalid("INVALID_PAGE_TOKEN", "Le jeton de page est invalide.", "page_token");
        }

        var byLast = NameOrder.French.Compare(member.LastName, parts[0]);
        if (byLast != 0)
        {
            return byLast;
        }

        var byFirst = NameOrder.French.Compare(member.FirstName, parts[1]);
        return byFirst != 0 ? byFirst : member.UserId.CompareTo(userId);
    }
}
