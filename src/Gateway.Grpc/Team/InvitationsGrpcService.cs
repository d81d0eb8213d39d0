using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Gateway.Grpc.Auth;
using PixOrga.Gateway.Grpc.Paging;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Schools;
using PixOrga.Grains.Interfaces.Team;

namespace PixOrga.Gateway.Grpc.Team;

/// <summary>Invitations to a school's space. The school grain decides who may do what with them.</summary>
public sealed class InvitationsGrpcService(IGrainFactory grains) : InvitationsService.InvitationsServiceBase
{
    public override async Task<CreateInvitationsResponse> CreateInvitations(CreateInvitationsRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var invitations = await grains.School(request.Uai).CreateInvitations(caller, request.Emails.ToList());
        var response = new CreateInvitationsResponse();
        response.Invitations.Add(invitations.Select(TeamMapping.ToProto));
        return response;
    }

    public override async Task<ListInvitationsResponse> ListInvitations(ListInvitationsRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var pageSize = PageRequest.Size(request.PageSize, defaultSize: 50, maxSize: 200);
        var after = PageToken.Decode(request.PageToken);
        var page = await grains.School(request.Uai).ListInvitations(caller, pageSize, after);
        var response = new ListInvitationsResponse { NextPageToken = PageToken.Encode(page.NextAfter) };
        response.Invitations.Add(page.Invitations.Select(TeamMapping.ToProto));
        return response;
    }

    public override async Task<ResendInvitationResponse> ResendInvitation(ResendInvitationRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var invitation = await grains.School(request.Uai).ResendInvitation(caller, request.InvitationId);
        return new ResendInvitationResponse { Invitation = TeamMapping.ToProto(invitation) };
    }

    public override async Task<CancelInvitationResponse> CancelInvitation(CancelInvitationRequest request, ServerCallContext context)
    {
        var caller = context.RequireCaller();
        var invitation = await grains.School(request.Uai).CancelInvitation(caller, request.InvitationId);
        return new CancelInvitationResponse { Invitation = TeamMapping.ToProto(invitation) };
    }

    public override async Task<GetInvitationResponse> GetInvitation(GetInvitationRequest request, ServerCallContext context)
    {
        var invitation = await SchoolOf(request.InvitationId).GetInvitation(request.InvitationId, request.Code);
        return new GetInvitationResponse
        {
            InvitationId = invitation.Id,
            Uai = invitation.Uai,
            SchoolName = invitation.SchoolName,
            Status = TeamMapping.ToProto(invitation.Status),
            ExpiresAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(invitation.ExpiresAt),
        };
    }

    public override async Task<AcceptInvitationResponse> AcceptInvitation(AcceptInvitationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        if (!caller.IsUser)
        {
            throw CommonErrors.Unauthenticated();
        }

        var accepted = await SchoolOf(request.InvitationId).AcceptInvitation(caller, request.InvitationId, request.Code);
        return new AcceptInvitationResponse
        {
            Uai = accepted.Uai,
            SchoolName = accepted.SchoolName,
            Role = TeamMapping.ToProto(accepted.Role),
        };
    }

    /// <summary>The id names its school; an id that cannot be one is simply not found.</summary>
    private ISchoolGrain SchoolOf(string invitationId)
    {
        var uai = InvitationId.SchoolOf(invitationId) ?? throw TeamErrors.InvitationNotFound();
        return grains.GetGrain<ISchoolGrain>(Uai.GrainKey(uai));
    }
}
