using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.EndToEnd.Missions;

/// <summary>Pupils' data only to the school's members (MissionsService) and to the scope `junior` (JuniorService).</summary>
[Collection(EndToEndCollection.Name)]
public sealed class MissionsPermissionTests(PixOrgaApp app)
{
    private const string Mission = "proteger-ses-donnees-personnelles";
    private readonly MissionsKit kit = new(app);

    // One school per test, every RPC of the service checked against it.
    private static readonly string[] MissionsRpcs = ["ListMissions", "GetMission", "GetSchoolCode", "RegenerateSchoolCode"];
    private static readonly string[] JuniorRpcs = ["ResolveSchoolCode", "ListClassPupils", "RecordMissionProgress"];

    [Fact]
    public async Task MissionsService_Anonymous_Unauthenticated()
    {
        var admin = await SchoolAdmins.CreateAsync(app);

        foreach (var rpc in MissionsRpcs)
        {
            await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => CallMissionsAsync(rpc, admin.Uai, new Metadata()), reason: "UNAUTHENTICATED");
        }
    }

    [Fact]
    public async Task MissionsService_AdminOfAnotherSchool_PermissionDenied()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var otherAdmin = await SchoolAdmins.CreateAsync(app);

        foreach (var rpc in MissionsRpcs)
        {
            await RpcAssert.FailsAsync(
                StatusCode.PermissionDenied,
                () => CallMissionsAsync(rpc, admin.Uai, otherAdmin.Headers),
                reason: "NOT_A_MEMBER",
                message: "Vous n’êtes pas membre de l’espace Pix Orga de cette école.");
        }
    }

    [Fact]
    public async Task MissionsService_SignedInUserWithoutSchool_PermissionDenied()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var stranger = await Infrastructure.Accounts.SignUpAsync(app);

        foreach (var rpc in MissionsRpcs)
        {
            await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => CallMissionsAsync(rpc, admin.Uai, stranger.Headers), reason: "NOT_A_MEMBER");
        }
    }

    [Fact]
    public async Task MissionsService_ServiceWithEveryScope_PermissionDenied()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var operatorHeaders = await app.OperatorAsync();

        foreach (var rpc in MissionsRpcs)
        {
            await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => CallMissionsAsync(rpc, admin.Uai, operatorHeaders), reason: "FORBIDDEN");
        }
    }

    [Fact]
    public async Task MissionsService_Teacher_Reads()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var teacher = await TeamMembers.InviteAndJoinAsync(app, admin);

        foreach (var rpc in MissionsRpcs.Where(rpc => rpc != "RegenerateSchoolCode"))
        {
            await CallMissionsAsync(rpc, admin.Uai, teacher.Headers);
        }
    }

    [Fact]
    public async Task RegenerateSchoolCode_Teacher_PermissionDeniedAndCodeKept()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var teacher = await TeamMembers.InviteAndJoinAsync(app, admin);
        var code = await kit.SchoolCodeAsync(admin);

        await RpcAssert.FailsAsync(
            StatusCode.PermissionDenied,
            () => kit.Missions.RegenerateSchoolCodeAsync(new RegenerateSchoolCodeRequest { Uai = admin.Uai }, teacher.Headers),
            reason: "NOT_AN_ADMIN",
            message: "Seul un administrateur de l’espace Pix Orga de cette école peut effectuer cette action.");

        Assert.Equal(code, await kit.SchoolCodeAsync(admin));
    }

    [Fact]
    public async Task MissionsService_TeacherRemoved_RefusedAtOnce()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var teacher = await TeamMembers.InviteAndJoinAsync(app, admin);
        await CallMissionsAsync("GetSchoolCode", admin.Uai, teacher.Headers);

        await new TeamService.TeamServiceClient(app.Channel).RemoveMemberAsync(
            new RemoveMemberRequest { Uai = admin.Uai, UserId = teacher.UserId.ToString() }, admin.Headers);

        foreach (var rpc in MissionsRpcs)
        {
            await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => CallMissionsAsync(rpc, admin.Uai, teacher.Headers), reason: "NOT_A_MEMBER");
        }
    }

    [Fact]
    public async Task RegenerateSchoolCode_TeacherMadeAdmin_AllowedAtOnce()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var teacher = await TeamMembers.InviteAndJoinAsync(app, admin);
        var code = await kit.SchoolCodeAsync(admin);
        await RpcAssert.FailsAsync(
            StatusCode.PermissionDenied,
            () => kit.Missions.RegenerateSchoolCodeAsync(new RegenerateSchoolCodeRequest { Uai = admin.Uai }, teacher.Headers),
            reason: "NOT_AN_ADMIN");

        await new TeamService.TeamServiceClient(app.Channel).UpdateMemberRoleAsync(
            new UpdateMemberRoleRequest { Uai = admin.Uai, UserId = teacher.UserId.ToString(), Role = SchoolRole.Admin }, admin.Headers);
        var regenerated = await kit.Missions.RegenerateSchoolCodeAsync(new RegenerateSchoolCodeRequest { Uai = admin.Uai }, teacher.Headers);

        Assert.NotEqual(code, regenerated.SchoolCode.Code);
        Assert.Equal(regenerated.SchoolCode.Code, await kit.SchoolCodeAsync(admin));
    }

    [Fact]
    public async Task JuniorService_Anonymous_Unauthenticated()
    {
        var school = await JuniorSchoolAsync();

        foreach (var rpc in JuniorRpcs)
        {
            await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => CallJuniorAsync(rpc, school, new Metadata()), reason: "UNAUTHENTICATED");
        }
    }

    [Fact]
    public async Task JuniorService_AdminOfTheSchool_PermissionDenied()
    {
        var school = await JuniorSchoolAsync();

        foreach (var rpc in JuniorRpcs)
        {
            await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => CallJuniorAsync(rpc, school, school.Admin.Headers), reason: "FORBIDDEN");
        }

        Assert.Empty((await kit.StartedByAsync(school.Admin))[Mission]);
    }

    [Fact]
    public async Task JuniorService_ServiceWithRosterScopeOnly_PermissionDenied()
    {
        var school = await JuniorSchoolAsync();
        var rosterReader = await app.ServiceAsync(PixOrgaApp.RosterReaderClient, PixOrgaApp.RosterReaderSecret);

        foreach (var rpc in JuniorRpcs)
        {
            await RpcAssert.FailsAsync(
                StatusCode.PermissionDenied,
                () => CallJuniorAsync(rpc, school, rosterReader),
                reason: "MISSING_SCOPE",
                message: "Ce service n’a pas l’autorisation « junior » nécessaire à cette action.");
        }
    }

    [Fact]
    public async Task JuniorService_ServiceWithoutScope_PermissionDenied()
    {
        var school = await JuniorSchoolAsync();
        var noScope = await app.ServiceAsync(PixOrgaApp.NoScopeClient, PixOrgaApp.NoScopeSecret);

        foreach (var rpc in JuniorRpcs)
        {
            await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => CallJuniorAsync(rpc, school, noScope), reason: "MISSING_SCOPE");
        }
    }

    [Fact]
    public async Task JuniorService_JuniorScope_Allowed()
    {
        var school = await JuniorSchoolAsync();

        foreach (var rpc in JuniorRpcs)
        {
            await CallJuniorAsync(rpc, school, await kit.JuniorAsync());
        }
    }

    private async Task<JuniorSchool> JuniorSchoolAsync()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        await kit.ImportAsync(admin, MissionsKit.Pupil("Martin", "Léa", "500000001AA", "CM1 A"));
        var code = await kit.SchoolCodeAsync(admin);
        var pupilId = (await kit.PupilIdsAsync(code, "CM1 A"))["Léa"];
        return new JuniorSchool(admin, code, pupilId);
    }

    private async Task CallMissionsAsync(string rpc, string uai, Metadata headers)
    {
        switch (rpc)
        {
            case "ListMissions":
                await kit.Missions.ListMissionsAsync(new ListMissionsRequest { Uai = uai }, headers);
                break;
            case "GetMission":
                await kit.Missions.GetMissionAsync(new GetMissionRequest { Uai = uai, MissionId = Mission }, headers);
                break;
            case "GetSchoolCode":
                await kit.Missions.GetSchoolCodeAsync(new GetSchoolCodeRequest { Uai = uai }, headers);
                break;
            default:
                await kit.Missions.RegenerateSchoolCodeAsync(new RegenerateSchoolCodeRequest { Uai = uai }, headers);
                break;
        }
    }

    private async Task CallJuniorAsync(string rpc, JuniorSchool school, Metadata headers)
    {
        switch (rpc)
        {
            case "ResolveSchoolCode":
                await kit.Junior.ResolveSchoolCodeAsync(new ResolveSchoolCodeRequest { Code = school.Code }, headers);
                break;
            case "ListClassPupils":
                await kit.Junior.ListClassPupilsAsync(new ListClassPupilsRequest { Code = school.Code, ClassLabel = "CM1 A" }, headers);
                break;
            default:
                await kit.Junior.RecordMissionProgressAsync(
                    new RecordMissionProgressRequest
                    {
                        EventId = Guid.NewGuid().ToString(),
                        PupilId = school.PupilId,
                        MissionId = Mission,
                        State = MissionState.Started,
                    },
                    headers);
                break;
        }
    }

    private sealed record JuniorSchool(SchoolAdmin Admin, string Code, string PupilId);
}
