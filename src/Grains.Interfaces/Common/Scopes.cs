namespace PixOrga.Grains.Interfaces.Common;

/// <summary>Scopes granted to internal services through service tokens.</summary>
public static class Scopes
{
    public const string RosterRead = "roster.read";
    public const string SchoolsAdmin = "schools.admin";
    public const string Junior = "junior";
    public const string Operations = "operations";
}
