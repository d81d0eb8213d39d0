namespace PixOrga.Grains.Interfaces.Missions;

[GenerateSerializer, Immutable]
public sealed record JuniorPupilPage(
    [property: Id(0)] IReadOnlyList<JuniorPupil> Pupils,
    [property: Id(1)] string? NextAfter);
