using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Grains.Interfaces.Missions;

/// <summary>
/// Pix Junior's entry point (scope <c>junior</c>): finds schools by code and pupils by class from
/// the tables' indexes, on every silo; progress is handed to the missions grain of the pupil's school.
/// </summary>
public interface IJuniorGrain : IGrainWithIntegerKey
{
    Task<JuniorSchool> ResolveSchoolCode(Caller caller, string code);

    Task<JuniorPupilPage> ListClassPupils(Caller caller, string code, string classLabel, int pageSize, string? after);

    Task<RecordedProgress> RecordMissionProgress(Caller caller, MissionProgressEvent progressEvent);
}
