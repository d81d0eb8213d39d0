using PixOrga.Gateway.Grpc.Errors;
using PixOrga.Grains.Interfaces.Schools;
using PixOrga.Grains.Interfaces.Team;

namespace PixOrga.Gateway.Grpc.Team;

/// <summary>Checks of the identifiers the team's requests carry, before any grain is addressed.</summary>
internal static class TeamRequests
{
    public static ISchoolGrain School(this IGrainFactory grains, string uai) =>
        grains.GetGrain<ISchoolGrain>(Uai.GrainKey(Uai.Require(uai)));

    public static Guid UserId(string value) =>
        Guid.TryParse(value, out var userId)
            ? userId
            : throw RpcErrors.Invalid("INVALID_USER_ID", "L’identifiant de l’utilisateur est invalide.", "user_id");
}
