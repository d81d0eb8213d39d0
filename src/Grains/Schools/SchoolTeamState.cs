namespace PixOrga.Grains.Schools;

/// <summary>The team of a school, stored as the school grain's state (JSON in the grain storage table).</summary>
public sealed class SchoolTeamState
{
    public Dictionary<Guid, MemberRecord> Members { get; set; } = [];
}

public sealed class MemberRecord
{
    public Guid UserId { get; set; }

    public PixOrga.Grains.Interfaces.Schools.SchoolRole Role { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>Set when the member was removed or left: the history is kept, the access is not.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public bool IsActive => DisabledAt is null;
}
