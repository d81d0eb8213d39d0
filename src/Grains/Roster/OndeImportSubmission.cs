using PixOrga.Grains.Interfaces.Roster;

namespace PixOrga.Grains.Roster;

/// <summary>
/// A file read to the end, handed by the import grain to the school grain: either its errors or,
/// for a valid file, its pupils and content hash.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OndeImportSubmission(
    [property: Id(0)] Guid ImportId,
    [property: Id(1)] OndeImportRequest Request,
    [property: Id(2)] IReadOnlyList<RosterImportError> Errors,
    [property: Id(3)] IReadOnlyList<ImportedPupil> Pupils,
    [property: Id(4)] int LineCount,
    [property: Id(5)] int IgnoredDuplicates,
    [property: Id(6)] string? ContentHash,
    [property: Id(7)] string Encoding);
