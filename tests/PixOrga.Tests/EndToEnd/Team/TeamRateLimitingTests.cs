using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Gateway.Grpc.RateLimiting;
using PixOrga.Tests.EndToEnd.Accounts;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.EndToEnd.Team;

/// <summary>The team's anonymous RPCs are limited per client address like sign-in.</summary>
[Collection(RateLimitedCollection.Name)]
public sealed class TeamRateLimitingTests(RateLimitedApp fixture)
{
    public static TheoryData<string> AnonymousCalls => ["RequestAdministration", "GetInvitation"];

    [Theory]
    [MemberData(nameof(AnonymousCalls))]
    public async Task AnonymousTeamRpc_OverTheLimit_ResourceExhausted(string method)
    {
        for (var i = 0; i < RateLimitedApp.PermitLimit; i++)
        {
            await RpcAssert.FailsAsync(StatusCode.NotFound, () => Call(method));
        }

        await RpcAssert.FailsAsync(
            StatusCode.ResourceExhausted,
            () => Call(method),
            reason: GrpcRateLimiting.TooManyRequestsCode,
            message: GrpcRateLimiting.TooManyRequestsMessage);
    }

    [Fact]
    public void RateLimitedMethods_AnonymousTeamRpcs_Listed()
    {
        Assert.Contains($"/{SchoolAccessService.Descriptor.FullName}/RequestAdministration", RateLimitedMethods.Paths);
        Assert.Contains($"/{InvitationsService.Descriptor.FullName}/GetInvitation", RateLimitedMethods.Paths);
    }

    private Task Call(string method) => method switch
    {
        "RequestAdministration" => new SchoolAccessService.SchoolAccessServiceClient(fixture.App.Channel).RequestAdministrationAsync(
            new RequestAdministrationRequest { Uai = TestData.NewUai(), FirstName = "Claire", LastName = "Dupont" }).ResponseAsync,
        "GetInvitation" => new InvitationsService.InvitationsServiceClient(fixture.App.Channel).GetInvitationAsync(
            new GetInvitationRequest { InvitationId = TestData.NewUai() + "-abcdefghijkm", Code = "devine" }).ResponseAsync,
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };
}
