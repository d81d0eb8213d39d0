using PixOrga.Grains.Interfaces.Schools;

namespace PixOrga.Grains.Schools;

/// <summary>The team of a school, stored as the school grain's state (JSON in the grain storage table).</summary>
public sealed class SchoolTeamState
{
    public Dictionary<Guid, MemberRecord> Members { get; set; } = [];

    /// <summary>Every invitation ever sent, by id: accepted and cancelled ones stay as history.</summary>
    public Dictionary<string, InvitationRecord> Invitations { get; set; } = [];
}

public sealed class MemberRecord
{
    public Guid UserId { get; set; }

    public SchoolRole Role { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>Set when the member was removed or left: the history is kept, the access is not.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>Who removed the member (themselves when they left).</summary>
    public Guid? DisabledBy { get; set; }

    /// <summary>Earlier periods of membership of someone who was removed and came back.</summary>
    public List<MembershipPeriod> PastPeriods { get; set; } = [];

    public bool IsActive => DisabledAt is null;
}

public sealed class MembershipPeriod
{
    public SchoolRole Role { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    public DateTimeOffset DisabledAt { get; set; }

    public Guid? DisabledBy { get; set; }
}
