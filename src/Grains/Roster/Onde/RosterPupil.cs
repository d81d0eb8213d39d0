namespace PixOrga.Grains.Roster.Onde;

/// <summary>A pupil already on a school's roster; inactive pupils are those a past import left out.</summary>
public sealed record RosterPupil(OndePupil Pupil, bool Active);
