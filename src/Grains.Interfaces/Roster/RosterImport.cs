namespace PixOrga.Grains.Interfaces.Roster;

/// <summary>One upload of an ONDE export and what became of it.</summary>
[GenerateSerializer, Immutable]
public sealed record RosterImport(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Uai,
    [property: Id(2)] RosterImportStatus Status,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] Guid CreatedBy,
    [property: Id(5)] string FileName,
    [property: Id(6)] RosterImportCounts Counts,
    [property: Id(7)] IReadOnlyList<RosterImportError> Errors,
    [property: Id(8)] RosterPreview? Preview,
    [property: Id(9)] DateTimeOffset? DecidedAt,
    [property: Id(10)] Guid? DecidedBy,
    [property: Id(11)] bool Replayed,
    [property: Id(12)] bool RequiresConfirmation);
