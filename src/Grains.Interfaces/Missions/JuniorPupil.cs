namespace PixOrga.Grains.Interfaces.Missions;

/// <summary>
/// A pupil as Pix Junior lists them to pick one's name: nothing more than needed. The id is the
/// roster's <c>students.id</c>: a random identifier that says nothing about the child and stays
/// stable across imports.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record JuniorPupil(
    [property: Id(0)] Guid PupilId,
    [property: Id(1)] string FirstName,
    [property: Id(2)] string LastNameInitial);
