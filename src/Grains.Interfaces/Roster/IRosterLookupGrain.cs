using Orleans.Concurrency;
using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Grains.Interfaces.Roster;

/// <summary>
/// Roster reads for internal services (scope <c>roster.read</c>). Answered from the indexes of the
/// pupils table without the school grains, so a stateless worker serves them on every silo.
/// </summary>
public interface IRosterLookupGrain : IGrainWithIntegerKey
{
    /// <summary>Pupils holding one of the INEs, in any school, active or not.</summary>
    Task<IReadOnlyList<RosterStudent>> FindStudentsByIne(Caller caller, [Immutable] IReadOnlyList<string> ines);

    /// <summary>A page of a school's active pupils in INE order, starting after <paramref name="afterIne"/>.</summary>
    Task<IReadOnlyList<RosterStudent>> ListActiveStudents(Caller caller, string uai, string? afterIne, int limit);
}
