using PixOrga.Grains.Interfaces.Roster;

namespace PixOrga.Grains.Roster;

/// <summary>
/// What one roster command does, decided before anything is written: the answer for the caller,
/// the commit (null for a dry run), and the import the history will show first afterwards.
/// </summary>
public sealed record RosterStep(RosterImport Answer, RosterCommit? Commit, RosterImport? ShownAsLast);
