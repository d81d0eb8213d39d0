using PixOrga.Grains.Interfaces.Roster;

namespace PixOrga.Grains.Roster;

/// <summary>
/// What a school keeps about its roster besides the pupils (row of <c>school_rosters</c>), as one
/// value: a command computes the next head and the grain adopts it once the command committed.
/// </summary>
/// <param name="Version">Raised by every command; 0 before the first one.</param>
/// <param name="ContentHash">The file the roster was last made from.</param>
/// <param name="Held">The valid import waiting for an ADMIN's confirmation, at most one.</param>
public sealed record RosterHead(long Version, string? ContentHash, HeldImport? Held)
{
    public static RosterHead Empty { get; } = new(0, null, null);
}

/// <summary>An import held for confirmation: its history row and the pupils it would apply.</summary>
public sealed record HeldImport(RosterImport Import, string? ContentHash, IReadOnlyList<ImportedPupil> Pupils);
