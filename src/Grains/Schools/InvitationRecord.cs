using PixOrga.Grains.Interfaces.Schools;
using PixOrga.Grains.Interfaces.Team;

namespace PixOrga.Grains.Schools;

/// <summary>One invitation in the school grain's state. Only a hash of the link's code is kept.</summary>
public sealed class InvitationRecord
{
    public string Id { get; set; } = string.Empty;

    /// <summary>Normalised (trimmed, lower-cased).</summary>
    public string Email { get; set; } = string.Empty;

    /// <summary><see cref="SchoolRole.Unspecified"/>: decided at acceptance.</summary>
    public SchoolRole Role { get; set; }

    /// <summary>Pending, Accepted or Cancelled; Expired is derived from <see cref="ExpiresAt"/>.</summary>
    public InvitationStatus Status { get; set; }

    public string CodeHash { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastSentAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public Guid? AcceptedBy { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public InvitationStatus StatusAt(DateTimeOffset now) =>
        Status == InvitationStatus.Pending && now >= ExpiresAt ? InvitationStatus.Expired : Status;
}
