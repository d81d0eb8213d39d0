namespace PixOrga.Grains.Interfaces.Roster;

/// <summary>The pupils side of the school grain (same class, same activation as <c>ISchoolGrain</c>).</summary>
public interface ISchoolRosterGrain : IGrainWithStringKey
{
}
