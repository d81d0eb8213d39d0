using PixOrga.Grains.Interfaces.Roster;

namespace PixOrga.Grains.Roster;

/// <summary>
/// Pages and classes of a roster held in memory. A page ends on a pupil's id: opaque, free of
/// personal data, and still found after that pupil left or changed class, since pupils are never
/// erased from the roster.
/// </summary>
public static class RosterListing
{
    public const int MaxPageSize = 500;

    public static StudentPage Page(SchoolRoster roster, StudentQuery query)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var ordered = roster.InListOrder;
        var start = 0;
        if (!string.IsNullOrEmpty(query.After))
        {
            var afterId = Guid.TryParseExact(query.After, "N", out var id) ? id : throw RosterErrors.InvalidPageToken();
            var position = IndexOf(ordered, afterId);
            start = position >= 0 ? position + 1 : throw RosterErrors.InvalidPageToken();
        }

        var classLabel = string.IsNullOrWhiteSpace(query.ClassLabel) ? null : query.ClassLabel.Trim();
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();
        var page = new List<RosterStudent>(Math.Min(pageSize, ordered.Count));
        for (var i = start; i < ordered.Count; i++)
        {
            var student = ordered[i];
            if (!Matches(student, query, classLabel, search))
            {
                continue;
            }

            if (page.Count == pageSize)
            {
                return new StudentPage(page, page[^1].Id.ToString("N"));
            }

            page.Add(student);
        }

        return new StudentPage(page, null);
    }

    /// <summary>Classes of the active pupils, by label, with their levels.</summary>
    public static IReadOnlyList<SchoolClass> Classes(SchoolRoster roster) =>
        roster.InListOrder
            .Where(s => s.Active)
            .GroupBy(s => s.ClassLabel, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SchoolClass(g.Key, g.Count(), g.Select(s => s.Level).Distinct().Order().ToList()))
            .ToList();

    private static bool Matches(RosterStudent student, StudentQuery query, string? classLabel, string? search) =>
        (query.IncludeInactive || student.Active)
        && (classLabel is null || student.ClassLabel == classLabel)
        && (query.Level == StudentLevel.Unspecified || student.Level == query.Level)
        && (search is null
            || student.LastName.Contains(search, StringComparison.OrdinalIgnoreCase)
            || student.FirstName.Contains(search, StringComparison.OrdinalIgnoreCase)
            || student.Ine.Contains(search, StringComparison.OrdinalIgnoreCase));

    private static int IndexOf(IReadOnlyList<RosterStudent> ordered, Guid id)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }
}
