namespace PixOrga.Grains.Interfaces.Missions;

/// <summary>What Pix Junior shows once a school code is typed: the school's name and its classes.</summary>
[GenerateSerializer, Immutable]
public sealed record JuniorSchool(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<string> ClassLabels);
