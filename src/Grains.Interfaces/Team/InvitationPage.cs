namespace PixOrga.Grains.Interfaces.Team;

/// <summary>One page of pending invitations; <see cref="NextAfter"/> is null on the last page.</summary>
[GenerateSerializer, Immutable]
public sealed record InvitationPage(
    [property: Id(0)] IReadOnlyList<InvitationView> Invitations,
    [property: Id(1)] string? NextAfter);
