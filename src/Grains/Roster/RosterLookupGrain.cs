using Orleans.Concurrency;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Roster;
using PixOrga.Grains.Interfaces.Schools;
using PixOrga.Grains.SchoolDirectory;

namespace PixOrga.Grains.Roster;

/// <summary>Roster reads for internal services, straight from the pupils table's indexes.</summary>
[StatelessWorker]
public sealed class RosterLookupGrain(RosterRepository roster, SchoolDirectoryRepository directory) : Grain, IRosterLookupGrain
{
    public async Task<IReadOnlyList<RosterStudent>> FindStudentsByIne(Caller caller, IReadOnlyList<string> ines)
    {
        RequireRosterScope(caller);
        if (ines.Count > RosterErrors.MaxInesPerLookup)
        {
            throw RosterErrors.TooManyInes();
        }

        var wanted = ines.Select(ine => ine.Trim()).Where(ine => ine.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return wanted.Count == 0 ? [] : await roster.FindByIneAsync(wanted);
    }

    public async Task<IReadOnlyList<RosterStudent>> ListActiveStudents(Caller caller, string uai, string? afterIne, int limit)
    {
        RequireRosterScope(caller);
        var school = Uai.Require(uai);
        if (afterIne is null && await directory.FindAsync(school) is null or { Archived: true })
        {
            throw Uai.Unknown();
        }

        return await roster.ListActiveAsync(school, afterIne, limit);
    }

    // Pupils are children: outside their school, only internal services holding the roster scope
    // read them. A signed-in user is refused whatever their school.
    private static void RequireRosterScope(Caller caller)
    {
        if (caller.IsUser)
        {
            throw CommonErrors.Forbidden();
        }

        if (caller.Scopes.Count == 0)
        {
            throw CommonErrors.Unauthenticated();
        }

        if (!caller.HasScope(Scopes.RosterRead))
        {
            throw CommonErrors.MissingScope(Scopes.RosterRead);
        }
    }
}
