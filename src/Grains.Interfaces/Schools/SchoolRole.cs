namespace PixOrga.Grains.Interfaces.Schools;

/// <summary>A member's role in a school's Pix Orga space.</summary>
public enum SchoolRole
{
    Unspecified = 0,
    Member = 1,
    Admin = 2,
}
