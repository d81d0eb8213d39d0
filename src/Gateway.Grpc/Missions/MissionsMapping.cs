using Google.Protobuf.WellKnownTypes;
using PixOrga.Contracts.V1;
using Domain = PixOrga.Grains.Interfaces.Missions;

namespace PixOrga.Gateway.Grpc.Missions;

/// <summary>Proto and domain shapes of missions, school codes and progress.</summary>
internal static class MissionsMapping
{
    public static Mission ToProto(Domain.MissionSummary summary)
    {
        var mission = summary.Mission;
        var proto = new Mission
        {
            Id = mission.Id,
            Name = mission.Name,
            Competence = new Competence { Code = mission.CompetenceCode, Title = mission.CompetenceTitle },
            DocumentationUrl = mission.DocumentationUrl,
        };
        proto.LearningObjectives.Add(mission.LearningObjectives);
        proto.StartedBy.Add(summary.StartedBy);
        return proto;
    }

    public static MissionClass ToProto(Domain.MissionClass missionClass)
    {
        var proto = new MissionClass { ClassLabel = missionClass.ClassLabel };
        proto.Pupils.Add(missionClass.Pupils.Select(ToProto));
        return proto;
    }

    public static SchoolCode ToProto(Domain.SchoolCode code) => new()
    {
        Code = code.Code,
        CreateTime = Timestamp.FromDateTimeOffset(code.CreatedAt),
    };

    public static JuniorPupil ToProto(Domain.JuniorPupil pupil) => new()
    {
        PupilId = pupil.PupilId.ToString(),
        FirstName = pupil.FirstName,
        LastNameInitial = pupil.LastNameInitial,
    };

    public static RecordMissionProgressResponse ToProto(Domain.RecordedProgress recorded) => new()
    {
        State = ToProto(recorded.Progress.State),
        Result = ToResult(recorded.Progress),
        Duplicate = recorded.Duplicate,
    };

    public static Domain.MissionState? ToDomain(MissionState state) => state switch
    {
        MissionState.Started => Domain.MissionState.Started,
        MissionState.Completed => Domain.MissionState.Completed,
        _ => null,
    };

    public static Domain.MissionSuccessLevel? ToDomain(MissionSuccessLevel level) => level switch
    {
        MissionSuccessLevel.NotReached => Domain.MissionSuccessLevel.NotReached,
        MissionSuccessLevel.PartiallyReached => Domain.MissionSuccessLevel.PartiallyReached,
        MissionSuccessLevel.Reached => Domain.MissionSuccessLevel.Reached,
        MissionSuccessLevel.Exceeded => Domain.MissionSuccessLevel.Exceeded,
        _ => null,
    };

    private static PupilMissionProgress ToProto(Domain.PupilMissionProgress pupil)
    {
        var proto = new PupilMissionProgress
        {
            StudentId = pupil.StudentId.ToString(),
            FirstName = pupil.FirstName,
            LastName = pupil.LastName,
            Status = pupil.Progress?.State switch
            {
                null => PupilMissionStatus.NotStarted,
                Domain.MissionState.Started => PupilMissionStatus.Started,
                _ => PupilMissionStatus.Completed,
            },
        };
        if (pupil.Progress is { } progress)
        {
            proto.Result = ToResult(progress);
            proto.UpdateTime = Timestamp.FromDateTimeOffset(progress.UpdatedAt);
        }

        return proto;
    }

    private static MissionState ToProto(Domain.MissionState state) =>
        state == Domain.MissionState.Completed ? MissionState.Completed : MissionState.Started;

    private static MissionResult ToResult(Domain.MissionProgress progress) => new()
    {
        ReachedStep = progress.ReachedStep,
        SuccessLevel = progress.SuccessLevel switch
        {
            Domain.MissionSuccessLevel.NotReached => MissionSuccessLevel.NotReached,
            Domain.MissionSuccessLevel.PartiallyReached => MissionSuccessLevel.PartiallyReached,
            Domain.MissionSuccessLevel.Reached => MissionSuccessLevel.Reached,
            Domain.MissionSuccessLevel.Exceeded => MissionSuccessLevel.Exceeded,
            _ => MissionSuccessLevel.Unspecified,
        },
    };
}
