namespace PixOrga.Grains.Team;

/// <summary>Settings of the <c>Team</c> section.</summary>
public sealed class TeamOptions
{
    public const string Section = "Team";

    /// <summary>How long the link of an invitation works after it was (re)sent.</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(14);
}
