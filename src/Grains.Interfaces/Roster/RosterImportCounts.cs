namespace PixOrga.Grains.Interfaces.Roster;

[GenerateSerializer, Immutable]
public sealed record RosterImportCounts(
    [property: Id(0)] int LineCount,
    [property: Id(1)] int Added,
    [property: Id(2)] int Updated,
    [property: Id(3)] int Reactivated,
    [property: Id(4)] int Deactivated,
    [property: Id(5)] int Unchanged,
    [property: Id(6)] int IgnoredDuplicates);
