using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Roster;
using PixOrga.Grains.Roster;
using PixOrga.Grains.Roster.Onde;

namespace PixOrga.Grains.Schools;

/// <summary>The school's pupils and import history, as its members read them.</summary>
public sealed partial class SchoolGrain
{
    private const int MaxStudentPageSize = 500;
    private const int MaxImportPageSize = 100;

    public async Task<StudentPage> ListStudents(Caller caller, StudentQuery query)
    {
        RequireMember(caller);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxStudentPageSize);
        return await roster.ListAsync(SchoolUai, query with { PageSize = pageSize });
    }

    public async Task<IReadOnlyList<SchoolClass>> ListClasses(Caller caller)
    {
        RequireMember(caller);
        return await roster.ListClassesAsync(SchoolUai);
    }

    public async Task<RosterImport?> GetLastImport(Caller caller)
    {
        RequireMember(caller);
        var last = await roster.History.LastAsync(SchoolUai);
        if (last is null || last.Status != RosterImportStatus.AwaitingConfirmation
            || rosterState.State.Pending is not { } pending || pending.ImportId != last.Id)
        {
            return last;
        }

        // The page shows which pupils a held import would deactivate before the ADMIN decides.
        var current = await roster.LoadAsync(SchoolUai);
        return last with { Preview = ToPreview(RosterDiff.Compute(current, pending.Pupils.Select(p => p.ToOnde()))) };
    }

    public async Task<RosterImportPage> ListImports(Caller caller, int pageSize, string? after)
    {
        RequireMember(caller);
        return await roster.History.ListAsync(SchoolUai, Math.Clamp(pageSize, 1, MaxImportPageSize), after);
    }

    private static RosterPreview ToPreview(RosterDiffResult diff) =>
        new(diff.Added, diff.Updated, diff.Reactivated, diff.Deactivated, diff.Unchanged);
}
