using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Grains.Interfaces.SchoolDirectory;

[GenerateSerializer, Immutable]
public sealed record DirectoryImportResult(
    [property: Id(0)] int Created,
    [property: Id(1)] int Updated,
    [property: Id(2)] int Unchanged,
    [property: Id(3)] int Skipped,
    [property: Id(4)] IReadOnlyList<DomainError> Errors);
