using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.EndToEnd.Missions;

/// <summary>Bad input to every entry point: a clear error, and no progress recorded.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class MissionsValidationTests(PixOrgaApp app)
{
    private const string Mission = "proteger-ses-donnees-personnelles";
    private readonly MissionsKit kit = new(app);

    [Fact]
    public async Task RecordMissionProgress_BadEvents_RefusedAndNothingRecorded()
    {
        var (admin, pupilId) = await SchoolWithPupilAsync("600000001AA");
        var junior = await kit.JuniorAsync();
        RecordMissionProgressRequest Request() => new()
        {
            EventId = Guid.NewGuid().ToString(),
            PupilId = pupilId,
            MissionId = Mission,
            State = MissionState.Completed,
            Result = new MissionResult { ReachedStep = 3, SuccessLevel = MissionSuccessLevel.Reached },
        };

        async Task Refused(StatusCode code, string reason, Action<RecordMissionProgressRequest> change, string? message = null)
        {
            var request = Request();
            change(request);
            await RpcAssert.FailsAsync(code, () => kit.Junior.RecordMissionProgressAsync(request, junior), reason, message);
        }

        await Refused(StatusCode.InvalidArgument, "FIELD_REQUIRED", r => r.EventId = " ", "Le champ « identifiant d’événement » n’est pas renseigné.");
        await Refused(StatusCode.InvalidArgument, "FIELD_STRING_MAX", r => r.EventId = new string('e', 101));
        await Refused(StatusCode.InvalidArgument, "INVALID_PUPIL_ID", r => r.PupilId = "pupil-1", "L’identifiant de l’élève est invalide.");
        await Refused(StatusCode.NotFound, "PUPIL_NOT_FOUND", r => r.PupilId = Guid.NewGuid().ToString(), "Cet élève n’existe pas.");
        await Refused(StatusCode.NotFound, "MISSION_NOT_FOUND", r => r.MissionId = "no-such-mission", "Cette mission n’existe pas.");
        await Refused(StatusCode.InvalidArgument, "FIELD_REQUIRED", r => r.MissionId = "");
        await Refused(StatusCode.InvalidArgument, "FIELD_REQUIRED", r => r.State = MissionState.Unspecified, "Le champ « état » n’est pas renseigné.");
        await Refused(StatusCode.InvalidArgument, "FIELD_REQUIRED", r => r.Result.SuccessLevel = MissionSuccessLevel.Unspecified, "Le champ « niveau de réussite » n’est pas renseigné.");
        await Refused(StatusCode.InvalidArgument, "FIELD_BAD_VALUE", r => r.Result.ReachedStep = -1);

        var detail = await kit.Missions.GetMissionAsync(new GetMissionRequest { Uai = admin.Uai, MissionId = Mission }, admin.Headers);
        Assert.Empty(detail.Mission.StartedBy);
        Assert.Equal(PupilMissionStatus.NotStarted, detail.Classes.Single().Pupils.Single().Status);
    }

    [Fact]
    public async Task ResolveSchoolCode_EmptyOrMalformedOrUnknownCode_Refused()
    {
        var junior = await kit.JuniorAsync();

        await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => kit.Junior.ResolveSchoolCodeAsync(new ResolveSchoolCodeRequest { Code = " - " }, junior),
            reason: "FIELD_REQUIRED",
            message: "Le code école n’est pas renseigné.");
        await RpcAssert.FailsAsync(
            StatusCode.NotFound,
            () => kit.Junior.ResolveSchoolCodeAsync(new ResolveSchoolCodeRequest { Code = "OOOO0000" }, junior),
            reason: "SCHOOL_CODE_UNKNOWN");
        await RpcAssert.FailsAsync(
            StatusCode.NotFound,
            () => kit.Junior.ResolveSchoolCodeAsync(new ResolveSchoolCodeRequest { Code = "ZZZZ9999" }, junior),
            reason: "SCHOOL_CODE_UNKNOWN");
    }

    [Fact]
    public async Task ListClassPupils_UnknownOrMissingClassOrBadToken_Refused()
    {
        var (admin, _) = await SchoolWithPupilAsync("610000001AA");
        var code = await kit.SchoolCodeAsync(admin);
        var junior = await kit.JuniorAsync();

        await RpcAssert.FailsAsync(
            StatusCode.NotFound,
            () => kit.Junior.ListClassPupilsAsync(new ListClassPupilsRequest { Code = code, ClassLabel = "CM2 Z" }, junior),
            reason: "CLASS_NOT_FOUND");
        await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => kit.Junior.ListClassPupilsAsync(new ListClassPupilsRequest { Code = code, ClassLabel = " " }, junior),
            reason: "FIELD_REQUIRED");
        await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => kit.Junior.ListClassPupilsAsync(new ListClassPupilsRequest { Code = code, ClassLabel = "CM1 A", PageToken = "eHl6" }, junior),
            reason: "INVALID_PAGE_TOKEN");
    }

    [Fact]
    public async Task ListClassPupils_PageSizeOne_PagesThroughTheClass()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        await kit.ImportAsync(
            admin,
            MissionsKit.Pupil("Martin", "Léa", "620000001AA", "CM1 A"),
            MissionsKit.Pupil("Durand", "Hugo", "620000002AA", "CM1 A"));
        var code = await kit.SchoolCodeAsync(admin);
        var junior = await kit.JuniorAsync();

        var first = await kit.Junior.ListClassPupilsAsync(new ListClassPupilsRequest { Code = code, ClassLabel = "CM1 A", PageSize = 1 }, junior);
        var second = await kit.Junior.ListClassPupilsAsync(
            new ListClassPupilsRequest { Code = code, ClassLabel = "CM1 A", PageSize = 1, PageToken = first.NextPageToken }, junior);

        Assert.Equal(["Hugo"], first.Pupils.Select(p => p.FirstName));
        Assert.Equal(["Léa"], second.Pupils.Select(p => p.FirstName));
        Assert.Empty(second.NextPageToken);
    }

    [Fact]
    public async Task GetMission_UnknownMission_NotFound()
    {
        var admin = await SchoolAdmins.CreateAsync(app);

        await RpcAssert.FailsAsync(
            StatusCode.NotFound,
            () => kit.Missions.GetMissionAsync(new GetMissionRequest { Uai = admin.Uai, MissionId = "no-such-mission" }, admin.Headers),
            reason: "MISSION_NOT_FOUND",
            message: "Cette mission n’existe pas.");
    }

    private async Task<(SchoolAdmin Admin, string PupilId)> SchoolWithPupilAsync(string ine)
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        await kit.ImportAsync(admin, MissionsKit.Pupil("Martin", "Léa", ine, "CM1 A"));
        return (admin, (await kit.PupilIdsAsync(await kit.SchoolCodeAsync(admin), "CM1 A"))["Léa"]);
    }
}
