namespace PixOrga.Grains.Interfaces.Missions;

/// <summary>The code pupils type in Pix Junior to find their school.</summary>
[GenerateSerializer, Immutable]
public sealed record SchoolCode(
    [property: Id(0)] string Code,
    [property: Id(1)] DateTimeOffset CreatedAt);
