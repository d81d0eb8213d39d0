namespace PixOrga.Gateway.Grpc.RateLimiting;

/// <summary>
/// The gRPC methods limited per client address: sign-in, the public forms and every RPC callable
/// without a token. A service adding an anonymous RPC appends its full path here.
/// </summary>
public static class RateLimitedMethods
{
    public static readonly IReadOnlySet<string> Paths = new HashSet<string>(StringComparer.Ordinal)
    {
        "/pixorga.v1.AccountsService/SignUp",
        "/pixorga.v1.AccountsService/SignIn",
        "/pixorga.v1.AccountsService/RefreshSession",
        "/pixorga.v1.AccountsService/SignOut",
        "/pixorga.v1.AccountsService/RequestPasswordReset",
        "/pixorga.v1.AccountsService/ResetPassword",
        "/pixorga.v1.AccountsService/IssueServiceToken",
        "/pixorga.v1.SchoolAccessService/RequestAdministration",
        "/pixorga.v1.InvitationsService/GetInvitation",
    };
}
