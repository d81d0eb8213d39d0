using Orleans.Concurrency;
using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Grains.Interfaces.Missions;

/// <summary>
/// A school's missions: its school code and its pupils' progress, written by this one grain. Same
/// key as the school grain (<c>Uai.GrainKey(uai)</c>) but its own activation, so Pix Junior's
/// progress never waits on the team or an ONDE import; members are checked with the school grain.
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
