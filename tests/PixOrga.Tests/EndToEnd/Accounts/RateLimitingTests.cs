using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Gateway.Grpc.RateLimiting;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.EndToEnd.Accounts;

[Collection(RateLimitedCollection.Name)]
public sealed class RateLimitingTests(RateLimitedApp fixture)
{
    private const string TooMany = "Trop de requêtes. Merci de réessayer dans quelques instants.";

    private AccountsService.AccountsServiceClient Client => new(fixture.App.Channel);

    public static TheoryData<string> LimitedCalls => ["SignIn", "SignUp", "RequestPasswordReset", "ResetPassword", "IssueServiceToken", "RefreshSession"];

    private Task Call(string method) => method switch
    {
        "SignIn" => Client.SignInAsync(new SignInRequest { Email = TestData.NewEmail(), Password = "Mauvais1xx" }).ResponseAsync,
        "SignUp" => Client.SignUpAsync(new SignUpRequest()).ResponseAsync,
        "RequestPasswordReset" => Client.RequestPasswordResetAsync(new RequestPasswordResetRequest { Email = TestData.NewEmail() }).ResponseAsync,
        "ResetPassword" => Client.ResetPasswordAsync(new ResetPasswordRequest { Code = "garbage" }).ResponseAsync,
        "IssueServiceToken" => Client.IssueServiceTokenAsync(new IssueServiceTokenRequest { ClientId = "x", ClientSecret = "y" }).ResponseAsync,
        "RefreshSession" => Client.RefreshSessionAsync(new RefreshSessionRequest { RefreshToken = "garbage" }).ResponseAsync,
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    private static async Task<StatusCode> StatusOf(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException exception)
        {
            return exception.StatusCode;
        }
    }

    [Theory]
    [MemberData(nameof(LimitedCalls))]
    public async Task LimitedMethod_OverTheLimit_ResourceExhaustedWithDetails(string method)
    {
        for (var i = 0; i < RateLimitedApp.PermitLimit; i++)
        {
            Assert.NotEqual(StatusCode.ResourceExhausted, await StatusOf(() => Call(method)));
        }

        var exception = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, () => Call(method), reason: "TOO_MANY_REQUESTS", message: TooMany);

        Assert.Equal(TooMany, exception.Status.Detail);
    }

    [Fact]
    public async Task UnlimitedMethod_ManyCalls_NeverResourceExhausted()
    {
        for (var i = 0; i < RateLimitedApp.PermitLimit * 3; i++)
        {
            await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => Client.GetMeAsync(new GetMeRequest()), reason: "UNAUTHENTICATED");
        }
    }

    [Fact]
    public void RateLimitedMethods_EveryAnonymousAccountsRpc_Listed()
    {
        var anonymous = new[] { "SignUp", "SignIn", "RefreshSession", "SignOut", "RequestPasswordReset", "ResetPassword", "IssueServiceToken" };

        Assert.All(anonymous, rpc => Assert.Contains($"/{AccountsService.Descriptor.FullName}/{rpc}", RateLimitedMethods.Paths));
        Assert.All(anonymous, rpc => Assert.NotNull(AccountsService.Descriptor.FindMethodByName(rpc)));
    }
}
