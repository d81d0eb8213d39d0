using PixOrga.Grains.Interfaces.Schools;

namespace PixOrga.Grains.Interfaces.SchoolDirectory;

[GenerateSerializer, Immutable]
public sealed record SchoolPage(
    [property: Id(0)] IReadOnlyList<SchoolProfile> Schools,
    [property: Id(1)] string? NextAfterUai);
