using PixOrga.Grains.Interfaces.Roster;

namespace PixOrga.Grains.Roster;

/// <summary>
/// Everything one roster command writes, committed together by <see cref="RosterRepository.CommitAsync"/>:
/// the new history row, the decisions on held imports, the pupils, and the next head.
/// </summary>
/// <param name="Inserted">The history row of a new upload; its idempotency key may make the whole commit a replay.</param>
/// <param name="NextHead">Null when the command leaves the head alone (a file with errors).</param>
public sealed record RosterCommit(
    string Uai,
    DateTimeOffset Now,
    long ExpectedVersion,
    InsertedImport? Inserted,
    IReadOnlyList<ImportDecision> Decisions,
    IReadOnlyList<RosterStudent> Upserts,
    IReadOnlyList<string> Deactivated,
    RosterHead? NextHead);

/// <summary>A new history row and the file facts stored with it.</summary>
public sealed record InsertedImport(RosterImport Import, string? Encoding, string? ContentHash, string? IdempotencyKey);

/// <summary>A held import leaving <c>AWAITING_CONFIRMATION</c>: confirmed, cancelled, or replaced by a newer file.</summary>
public sealed record ImportDecision(Guid ImportId, RosterImportStatus Status, Guid By, RosterImportCounts? Counts);
