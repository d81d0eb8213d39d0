namespace PixOrga.Grains.Interfaces.Roster;

[GenerateSerializer, Immutable]
public sealed record RosterImportPage(
    [property: Id(0)] IReadOnlyList<RosterImport> Imports,
    [property: Id(1)] string? NextAfter);
