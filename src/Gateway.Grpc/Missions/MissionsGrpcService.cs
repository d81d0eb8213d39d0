using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Gateway.Grpc.Auth;
using PixOrga.Gateway.Grpc.Paging;
using PixOrga.Grains.Interfaces.Missions;
using PixOrga.Grains.Interfaces.Schools;

namespace PixOrga.Gateway.Grpc.Missions;

/// <summary>The «Missions» tab. The school's missions grain decides who may read its pupils' progress or change its code.</summary>
public sealed class MissionsGrpcService(IGrainFactory grains) : MissionsService.MissionsServiceBase
{
    public override async Task<ListMissionsResponse> ListMissions(ListMissionsRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var pageSize = PageRequest.Size(request.PageSize, defaultSize: 50, maxSize: 100);
        var page = await School(request.Uai).ListMissions(caller, pageSize, PageToken.Decode(request.PageToken));
        var response = new ListMissionsResponse { NextPageToken = PageToken.Encode(page.NextAfter) };
        response.Missions.Add(page.Missions.Select(MissionsMapping.ToProto));
        return response;
    }

    public override async Task<GetMissionResponse> GetMission(GetMissionRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var detail = await School(request.Uai).GetMission(caller, request.MissionId);
        var response = new GetMissionResponse { Mission = MissionsMapping.ToProto(detail.Summary) };
        response.Classes.Add(detail.Classes.Select(MissionsMapping.ToProto));
        return response;
    }

    public override async Task<GetSchoolCodeResponse> GetSchoolCode(GetSchoolCodeRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var code = await School(request.Uai).GetSchoolCode(caller);
        return new GetSchoolCodeResponse { SchoolCode = MissionsMapping.ToProto(code) };
    }

    public override async Task<RegenerateSchoolCodeResponse> RegenerateSchoolCode(RegenerateSchoolCodeRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var code = await School(request.Uai).RegenerateSchoolCode(caller);
        return new RegenerateSchoolCodeResponse { SchoolCode = MissionsMapping.ToProto(code) };
    }

    private ISchoolMissionsGrain School(string uai) => grains.GetGrain<ISchoolMissionsGrain>(Uai.GrainKey(Uai.Require(uai)));
}
