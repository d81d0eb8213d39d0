using System.Security.Claims;
using Grpc.Core;
using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Gateway.Grpc.Auth;

/// <summary>Reads the authenticated caller that the JwtBearer handler attached to the call.</summary>
public static class CallerContext
{
    public static Caller GetCaller(this ServerCallContext context)
    {
        var principal = context.GetHttpContext().User;
        if (principal.Identity?.IsAuthenticated != true)
        {
            return Caller.Anonymous;
        }

        var kind = principal.FindFirstValue(PixOrgaClaims.Kind);
        var subject = principal.FindFirstValue(PixOrgaClaims.Subject) ?? principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (kind == PixOrgaClaims.UserKind && Guid.TryParse(subject, out var userId))
        {
            return Caller.User(userId);
        }

        if (kind == PixOrgaClaims.ServiceKind)
        {
            var scopes = (principal.FindFirstValue(PixOrgaClaims.Scope) ?? string.Empty)
                .Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return Caller.Service(subject ?? "unknown", scopes);
        }

        return Caller.Anonymous;
    }

    /// <summary>The caller, who must be signed in (user or service).</summary>
    public static Caller RequireCaller(this ServerCallContext context)
    {
        var caller = context.GetCaller();
        if (!caller.IsAuthenticated)
        {
            throw CommonErrors.Unauthenticated();
        }

        return caller;
    }
}
