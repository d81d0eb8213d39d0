namespace PixOrga.Grains.Interfaces.Roster;

/// <summary>The INEs an import adds, updates, re-activates, deactivates or leaves as they are.</summary>
[GenerateSerializer, Immutable]
public sealed record RosterPreview(
    [property: Id(0)] IReadOnlyList<string> Added,
    [property: Id(1)] IReadOnlyList<string> Updated,
    [property: Id(2)] IReadOnlyList<string> Reactivated,
    [property: Id(3)] IReadOnlyList<string> Deactivated,
    [property: Id(4)] IReadOnlyList<string> Unchanged);
