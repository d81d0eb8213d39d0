namespace PixOrga.Grains.Interfaces.Team;

/// <summary>Where an invitation stands; <see cref="Expired"/> is derived from the clock, never stored.</summary>
public enum InvitationStatus
{
    Pending = 0,
    Accepted = 1,
    Cancelled = 2,
    Expired = 3,
}
