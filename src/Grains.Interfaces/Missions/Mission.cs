namespace PixOrga.Grains.Interfaces.Missions;

/// <summary>A mission of the catalogue, as teachers see it in the «Missions» tab.</summary>
[GenerateSerializer, Immutable]
public sealed record Mission(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string CompetenceCode,
    [property: Id(3)] string CompetenceTitle,
    [property: Id(4)] IReadOnlyList<string> LearningObjectives,
    [property: Id(5)] string DocumentationUrl);
