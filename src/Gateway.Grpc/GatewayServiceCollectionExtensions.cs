using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using PixOrga.Gateway.Grpc.Accounts;
using PixOrga.Gateway.Grpc.Auth;
using PixOrga.Gateway.Grpc.Errors;
using PixOrga.Gateway.Grpc.RateLimiting;
using PixOrga.Gateway.Grpc.Schools;
using PixOrga.Gateway.Grpc.Students;
using PixOrga.Gateway.Grpc.Team;
using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Gateway.Grpc;

/// <summary>Registers and maps the gRPC gateway; the host decides ports and the cluster.</summary>
public static class GatewayServiceCollectionExtensions
{
    public static IServiceCollection AddPixOrgaGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section));
        services.TryAddSingleton(PixOrgaClock.System);
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<ServiceCredentials>();
        services.AddGrpc(options =>
        {
            options.Interceptors.Add<ErrorMappingInterceptor>();
            options.MaxReceiveMessageSize = 4 * 1024 * 1024;
        });
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, PixOrgaClock>((jwt, auth, clock) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TimeProvider = clock.Time;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = auth.Value.Audience,
                    IssuerSigningKey = SigningKey.From(auth.Value),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(5),
                };
                // The token handler reads the machine clock, not jwt.TimeProvider: expiry follows the
                // business clock here, the one the tokens were issued by (and tests move).
                jwt.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
                    TokenLifetime.IsValid(notBefore, expires, clock.UtcNow, parameters.ClockSkew);
            });
        services.AddAuthorization();
        services.AddPixOrgaRateLimiting(configuration);
        return services;
    }

    public static WebApplication UsePixOrgaGateway(this WebApplication app)
    {
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcService<AccountsGrpcService>();
        app.MapGrpcService<SchoolsGrpcService>();
        app.MapGrpcService<SchoolAccessGrpcService>();
        app.MapGrpcService<InvitationsGrpcService>();
        app.MapGrpcService<TeamGrpcService>();
        app.MapGrpcService<StudentsGrpcService>();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        return app;
    }
}
