using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Gateway.Grpc.Auth;
using PixOrga.Gateway.Grpc.Errors;
using PixOrga.Gateway.Grpc.Paging;
using PixOrga.Grains.Interfaces.Missions;
using Domain = PixOrga.Grains.Interfaces.Missions;

namespace PixOrga.Gateway.Grpc.Missions;

/// <summary>Pix Junior's service (scope <c>junior</c>, checked by the grains).</summary>
public sealed class JuniorGrpcService(IGrainFactory grains) : JuniorService.JuniorServiceBase
{
    private IJuniorGrain Junior => grains.GetGrain<IJuniorGrain>(0);

    public override async Task<ResolveSchoolCodeResponse> ResolveSchoolCode(ResolveSchoolCodeRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var school = await Junior.ResolveSchoolCode(caller, request.Code);
        var response = new ResolveSchoolCodeResponse { SchoolName = school.Name };
        response.ClassLabels.Add(school.ClassLabels);
        return response;
    }

    public override async Task<ListClassPupilsResponse> ListClassPupils(ListClassPupilsRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var pageSize = PageRequest.Size(request.PageSize, defaultSize: 100, maxSize: 200);
        var page = await Junior.ListClassPupils(caller, request.Code, request.ClassLabel, pageSize, PageToken.Decode(request.PageToken));
        var response = new ListClassPupilsResponse { NextPageToken = PageToken.Encode(page.NextAfter) };
        response.Pupils.Add(page.Pupils.Select(MissionsMapping.ToProto));
        return response;
    }

    public override async Task<RecordMissionProgressResponse> RecordMissionProgress(
        RecordMissionProgressRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var progressEvent = new Domain.MissionProgressEvent(
            request.EventId,
            PupilId(request.PupilId),
            request.MissionId,
            MissionsMapping.ToDomain(request.State) ?? throw MissionErrors.FieldRequired("state", "état"),
            request.Result?.ReachedStep ?? 0,
            request.Result is null ? null : MissionsMapping.ToDomain(request.Result.SuccessLevel));
        return MissionsMapping.ToProto(await Junior.RecordMissionProgress(caller, progressEvent));
    }

    private static Guid PupilId(string value) =>
        Guid.TryParse(value, out var pupilId)
            ? pupilId
            : throw RpcErrors.Invalid("INVALID_PUPIL_ID", "L’identifiant de l’élève est invalide.", "pupil_id");
}
