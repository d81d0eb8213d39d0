using PixOrga.Grains.Interfaces.Roster;

namespace PixOrga.Grains.Roster;

/// <summary>A school's roster as stored, read in one round trip when the school grain first needs it.</summary>
public sealed record RosterSnapshot(IReadOnlyList<RosterStudent> Students, RosterHead Head, RosterImport? LastImport);
