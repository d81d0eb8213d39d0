namespace PixOrga.Grains.Interfaces.Roster;

/// <summary>A class as its active pupils' <c>Libellé classe</c> names it.</summary>
[GenerateSerializer, Immutable]
public sealed record SchoolClass(
    [property: Id(0)] string Label,
    [property: Id(1)] int StudentCount,
    [property: Id(2)] IReadOnlyList<StudentLevel> Levels);
