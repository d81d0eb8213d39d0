using Orleans.Concurrency;
using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Grains.Interfaces.Roster;

/// <summary>
/// The pupils side of the school grain (same class, same activation as <c>ISchoolGrain</c>), so
/// imports, confirmations and reads of one school are serialised by one grain. Reads are
/// <see cref="ReadOnlyAttribute"/>: they may interleave with each other, never with a write.
/// </summary>
public interface ISchoolRosterGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<StudentPage> ListStudents(Caller caller, StudentQuery query);

    [ReadOnly]
    Task<IReadOnlyList<SchoolClass>> ListClasses(Caller caller);

    /// <summary>The latest import, or null when the school never imported a file.</summary>
    [ReadOnly]
    Task<RosterImport?> GetLastImport(Caller caller);

    [ReadOnly]
    Task<RosterImportPage> ListImports(Caller caller, int pageSize, string? after);

    /// <summary>Applies the import held for confirmation.</summary>
    Task<RosterImport> ConfirmImport(Caller caller, Guid importId);

    /// <summary>Drops the import held for confirmation.</summary>
    Task<RosterImport> CancelImport(Caller caller, Guid importId);
}
