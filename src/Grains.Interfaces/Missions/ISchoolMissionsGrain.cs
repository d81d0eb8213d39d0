using Orleans.Concurrency;
using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Grains.Interfaces.Missions;

/// <summary>
/// The missions side of the school grain (same class, same activation as <c>ISchoolGrain</c>):
/// the school code and pupils' progress are written by the one grain of their school.
/// </summary>
public interface ISchoolMissionsGrain : IGrainWithStringKey
{
    /// <summary>Any member: the catalogue in its order, with the classes that started each mission.</summary>
    [ReadOnly]
    Task<MissionPage> ListMissions(Caller caller, int pageSize, string? after);

    /// <summary>Any member: one mission with each active pupil's progress, per class.</summary>
    [ReadOnly]
    Task<MissionDetail> GetMission(Caller caller, string missionId);

    /// <summary>Any member: the school code, created on the first request.</summary>
    Task<SchoolCode> GetSchoolCode(Caller caller);

    /// <summary>ADMIN: a new school code; the previous one stops working at once.</summary>
    Task<SchoolCode> RegenerateSchoolCode(Caller caller);

    /// <summary>Internal services holding the <c>junior</c> scope: records one progress event of a pupil of this school.</summary>
    Task<RecordedProgress> RecordMissionProgress(Caller caller, MissionProgressEvent progressEvent);
}
