namespace PixOrga.Grains.Roster.Onde;

/// <summary>
/// What applying a valid file to a roster does, as INEs per kind of change. <see cref="Upserts"/> are
/// the rows to write (added, updated and reactivated pupils); deactivated pupils only change state.
/// </summary>
public sealed record RosterDiffResult(
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Updated,
    IReadOnlyList<string> Reactivated,
    IReadOnlyList<string> Deactivated,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<OndePupil> Upserts);
