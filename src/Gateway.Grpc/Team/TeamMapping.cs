using Google.Protobuf.WellKnownTypes;
using PixOrga.Contracts.V1;
using PixOrga.Grains.Interfaces.Team;
using DomainRole = PixOrga.Grains.Interfaces.Schools.SchoolRole;
using DomainStatus = PixOrga.Grains.Interfaces.Team.InvitationStatus;
using ProtoRole = PixOrga.Contracts.V1.SchoolRole;
using ProtoStatus = PixOrga.Contracts.V1.InvitationStatus;

namespace PixOrga.Gateway.Grpc.Team;

internal static class TeamMapping
{
    public static ProtoRole ToProto(DomainRole role) => role switch
    {
        DomainRole.Admin => ProtoRole.Admin,
        DomainRole.Member => ProtoRole.Member,
        _ => ProtoRole.Unspecified,
    };

    public static DomainRole ToDomain(ProtoRole role) => role switch
    {
        ProtoRole.Admin => DomainRole.Admin,
        ProtoRole.Member => DomainRole.Member,
        _ => DomainRole.Unspecified,
    };

    public static ProtoStatus ToProto(DomainStatus status) => status switch
    {
        DomainStatus.Pending => ProtoStatus.Pending,
        DomainStatus.Accepted => ProtoStatus.Accepted,
        DomainStatus.Cancelled => ProtoStatus.Cancelled,
        DomainStatus.Expired => ProtoStatus.Expired,
        _ => ProtoStatus.Unspecified,
    };

    public static Invitation ToProto(InvitationView invitation) => new()
    {
        Id = invitation.Id,
        Uai = invitation.Uai,
        Email = invitation.Email,
        Role = ToProto(invitation.Role),
        Status = ToProto(invitation.Status),
        CreatedAt = Timestamp.FromDateTimeOffset(invitation.CreatedAt),
        LastSentAt = Timestamp.FromDateTimeOffset(invitation.LastSentAt),
        ExpiresAt = Timestamp.FromDateTimeOffset(invitation.ExpiresAt),
    };

    public static Member ToProto(MemberView member) => new()
    {
        UserId = member.UserId.ToString(),
        FirstName = member.FirstName,
        LastName = member.LastName,
        Email = member.Email,
        Role = ToProto(member.Role),
        JoinedAt = Timestamp.FromDateTimeOffset(member.JoinedAt),
    };
}
