using Google.Protobuf.WellKnownTypes;
using PixOrga.Contracts.V1;
using PixOrga.Gateway.Grpc.Auth;
using PixOrga.Grains.Interfaces.Accounts;
using DomainRole = PixOrga.Grains.Interfaces.Schools.SchoolRole;
using ProtoRole = PixOrga.Contracts.V1.SchoolRole;

namespace PixOrga.Gateway.Grpc.Accounts;

/// <summary>Account records to proto messages.</summary>
public static class AccountMapping
{
    public static Account ToAccount(UserProfile profile) => new()
    {
        UserId = profile.UserId.ToString(),
        FirstName = profile.FirstName,
        LastName = profile.LastName,
        Email = profile.Email,
    };

    public static Membership ToMembership(SchoolMembership membership) => new()
    {
        Uai = membership.Uai,
        SchoolName = membership.SchoolName,
        Role = ToProto(membership.Role),
    };

    public static ProtoRole ToProto(DomainRole role) => role switch
    {
        DomainRole.Member => ProtoRole.Member,
        DomainRole.Admin => ProtoRole.Admin,
        _ => ProtoRole.Unspecified,
    };

    public static Contracts.V1.Session ToSession(IssuedToken access, SessionGrant grant) => new()
    {
        AccessToken = access.Value,
        AccessTokenExpiresAt = Timestamp.FromDateTimeOffset(access.ExpiresAt),
        RefreshToken = grant.RefreshToken,
        RefreshTokenExpiresAt = Timestamp.FromDateTimeOffset(grant.RefreshTokenExpiresAt),
    };
}
