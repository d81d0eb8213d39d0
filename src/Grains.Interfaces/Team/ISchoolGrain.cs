namespace PixOrga.Grains.Interfaces.Team;

/// <summary>
/// A school's Pix Orga space: its team and invitations. Keyed by <c>Uai.GrainKey(uai)</c>; the
/// same activation also serves <c>ISchoolRosterGrain</c>, so one grain is the single writer of
/// everything about its school.
/// </summary>
public interface ISchoolGrain : IGrainWithStringKey
{
}
