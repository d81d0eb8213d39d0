namespace PixOrga.Grains.Schools;

/// <summary>The roster bookkeeping kept in grain state; the pupils themselves live in relational tables.</summary>
public sealed class SchoolRosterState
{
}
