using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Gateway.Grpc.Auth;
using PixOrga.Gateway.Grpc.Paging;

namespace PixOrga.Gateway.Grpc.Team;

/// <summary>The «Équipe» tab. The school grain decides who may read or change its team.</summary>
public sealed class TeamGrpcService(IGrainFactory grains) : TeamService.TeamServiceBase
{
    public override async Task<ListMembersResponse> ListMembers(ListMembersRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var pageSize = PageRequest.Size(request.PageSize, defaultSize: 50, maxSize: 200);
        var after = PageToken.Decode(request.PageToken);
        var page = await grains.School(request.Uai).ListMembers(caller, pageSize, after);
        var response = new ListMembersResponse { NextPageToken = PageToken.Encode(page.NextAfter) };
        response.Members.Add(page.Members.Select(TeamMapping.ToProto));
        return response;
    }

    public override async Task<UpdateMemberRoleResponse> UpdateMemberRole(UpdateMemberRoleRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var member = await grains.School(request.Uai)
            .UpdateMemberRole(caller, TeamRequests.UserId(request.UserId), TeamMapping.ToDomain(request.Role));
        return new UpdateMemberRoleResponse { Member = TeamMapping.ToProto(member) };
    }

    public override async Task<RemoveMemberResponse> RemoveMember(RemoveMemberRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        await grains.School(request.Uai).RemoveMember(caller, TeamRequests.UserId(request.UserId));
        return new RemoveMemberResponse();
    }

    public override async Task<LeaveSchoolResponse> LeaveSchool(LeaveSchoolRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        await grains.School(request.Uai).LeaveSchool(caller);
        return new LeaveSchoolResponse();
    }
}
