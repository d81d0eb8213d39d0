using PixOrga.Contracts.V1;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.EndToEnd.Missions;

[Collection(EndToEndCollection.Name)]
public sealed class MissionsJourneyTests(PixOrgaApp app)
{
    private const string DataMission = "proteger-ses-donnees-personnelles";
    private const string SearchMission = "rechercher-sur-internet";
    private readonly MissionsKit kit = new(app);

    [Fact]
    public async Task Journey_PupilsOfTwoClassesPlay_ListMissionsShowsThoseClassesAndGetMissionTheirResults()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        await kit.ImportAsync(
            admin,
            MissionsKit.Pupil("Martin", "Léa", "100000001AA", "CM1 A"),
            MissionsKit.Pupil("Durand", "Hugo", "100000002AA", "CM1 A"),
            MissionsKit.Pupil("Éluard", "Zoé", "100000003AA", "CM1 A"),
            MissionsKit.Pupil("Petit", "Inès", "100000004AA", "CM1 B"),
            MissionsKit.Pupil("Bernard", "Noah", "100000005AA", "CM2 A", level: "CM2"));

        var code = await kit.SchoolCodeAsync(admin);
        var junior = await kit.JuniorAsync();
        var school = await kit.Junior.ResolveSchoolCodeAsync(new ResolveSchoolCodeRequest { Code = code.ToLowerInvariant().Insert(4, "-") }, junior);
        var cm1A = await kit.Junior.ListClassPupilsAsync(new ListClassPupilsRequest { Code = code, ClassLabel = "CM1 A" }, junior);
        var cm2A = await kit.PupilIdsAsync(code, "CM2 A");
        var lea = cm1A.Pupils.Single(p => p.FirstName == "Léa").PupilId;
        var hugo = cm1A.Pupils.Single(p => p.FirstName == "Hugo").PupilId;
        await kit.RecordAsync(lea, DataMission, MissionState.Started, step: 2);
        await kit.RecordAsync(hugo, DataMission, MissionState.Started, step: 1);
        await kit.RecordAsync(hugo, DataMission, MissionState.Completed, MissionSuccessLevel.Exceeded, step: 5);
        await kit.RecordAsync(cm2A["Noah"], DataMission, MissionState.Completed, MissionSuccessLevel.PartiallyReached, step: 4);
        await kit.RecordAsync(lea, SearchMission, MissionState.Started);

        Assert.Equal(MissionsKit.SchoolName, school.SchoolName);
        Assert.Equal(["CM1 A", "CM1 B", "CM2 A"], school.ClassLabels);
        Assert.Equal(
            ["Hugo D", "Léa M", "Zoé É"],
            cm1A.Pupils.Select(p => $"{p.FirstName} {p.LastNameInitial}"));
        Assert.Empty(cm1A.NextPageToken);

        var missions = (await kit.Missions.ListMissionsAsync(new ListMissionsRequest { Uai = admin.Uai }, admin.Headers)).Missions;
        Assert.Equal(
            [
                $"{DataMission}: CM1 A, CM2 A",
                $"{SearchMission}: CM1 A",
                "lutter-contre-le-cyberharcelement: ",
                "utiliser-un-traitement-de-texte: ",
            ],
            missions.Select(m => $"{m.Id}: {string.Join(", ", m.StartedBy)}"));
        var data = missions[0];
        Assert.Equal(("Protéger ses données personnelles", "4.2", "Protéger les données personnelles et la vie privée"), (data.Name, data.Competence.Code, data.Competence.Title));
        Assert.NotEmpty(data.LearningObjectives);

        var detail = await kit.Missions.GetMissionAsync(new GetMissionRequest { Uai = admin.Uai, MissionId = DataMission }, admin.Headers);
        Assert.Equal(data.DocumentationUrl, detail.Mission.DocumentationUrl);
        Assert.StartsWith("https://", detail.Mission.DocumentationUrl, StringComparison.Ordinal);
        Assert.Equal(["CM1 A", "CM2 A"], detail.Mission.StartedBy);
        // Pupils in the roster's order (last name, first name, byte order as ListStudents).
        Assert.Equal(
            [
                "CM1 A/Durand Hugo: PupilMissionStatusCompleted Exceeded 5",
                "CM1 A/Martin Léa: PupilMissionStatusStarted Unspecified 2",
                "CM1 A/Éluard Zoé: PupilMissionStatusNotStarted -",
                "CM1 B/Petit Inès: PupilMissionStatusNotStarted -",
                "CM2 A/Bernard Noah: PupilMissionStatusCompleted PartiallyReached 4",
            ],
            detail.Classes.SelectMany(c => c.Pupils.Select(p => $"{c.ClassLabel}/{Describe(p)}")));
    }

    [Fact]
    public async Task GetSchoolCode_AnyMember_SameUnambiguousCodeEveryTime()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var teacher = await TeamMembers.InviteAndJoinAsync(app, admin);

        var first = await kit.Missions.GetSchoolCodeAsync(new GetSchoolCodeRequest { Uai = admin.Uai }, admin.Headers);
        var again = await kit.Missions.GetSchoolCodeAsync(new GetSchoolCodeRequest { Uai = admin.Uai }, teacher.Headers);

        Assert.Matches("^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{8}$", first.SchoolCode.Code);
        Assert.Equal(first.SchoolCode, again.SchoolCode);
    }

    [Fact]
    public async Task RegenerateSchoolCode_Admin_OldCodeRefusedAtOnceNewCodeResolves()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        await kit.ImportAsync(admin, MissionsKit.Pupil("Martin", "Léa", "200000001AA", "CM1 A"));
        var oldCode = await kit.SchoolCodeAsync(admin);
        var junior = await kit.JuniorAsync();
        await kit.Junior.ResolveSchoolCodeAsync(new ResolveSchoolCodeRequest { Code = oldCode }, junior);

        var regenerated = await kit.Missions.RegenerateSchoolCodeAsync(new RegenerateSchoolCodeRequest { Uai = admin.Uai }, admin.Headers);

        var newCode = regenerated.SchoolCode.Code;
        Assert.NotEqual(oldCode, newCode);
        Assert.Equal(newCode, await kit.SchoolCodeAsync(admin));
        await RpcAssert.FailsAsync(
            Grpc.Core.StatusCode.NotFound,
            () => kit.Junior.ResolveSchoolCodeAsync(new ResolveSchoolCodeRequest { Code = oldCode }, junior),
            reason: "SCHOOL_CODE_UNKNOWN",
            message: "Ce code école n’existe pas. Vérifiez-le auprès de votre enseignant.");
        await RpcAssert.FailsAsync(
            Grpc.Core.StatusCode.NotFound,
            () => kit.Junior.ListClassPupilsAsync(new ListClassPupilsRequest { Code = oldCode, ClassLabel = "CM1 A" }, junior),
            reason: "SCHOOL_CODE_UNKNOWN");
        var school = await kit.Junior.ResolveSchoolCodeAsync(new ResolveSchoolCodeRequest { Code = newCode }, junior);
        Assert.Equal(["CM1 A"], school.ClassLabels);
    }

    [Fact]
    public async Task RecordMissionProgress_SameEventIdTwice_RecordedOnce()
    {
        var (admin, pupils) = await SchoolWithPupilsAsync("300000001AA");
        var eventId = Guid.NewGuid().ToString();
        await kit.RecordAsync(pupils["Léa"], DataMission, MissionState.Started, step: 1, eventId: eventId);
        var completed = await kit.RecordAsync(pupils["Léa"], DataMission, MissionState.Completed, MissionSuccessLevel.Reached, step: 3);

        var replayed = await kit.RecordAsync(pupils["Léa"], DataMission, MissionState.Started, step: 1, eventId: eventId);

        Assert.False(completed.Duplicate);
        Assert.True(replayed.Duplicate);
        Assert.Equal((MissionState.Completed, MissionSuccessLevel.Reached, 3), (replayed.State, replayed.Result.SuccessLevel, replayed.Result.ReachedStep));
        var detail = await kit.Missions.GetMissionAsync(new GetMissionRequest { Uai = admin.Uai, MissionId = DataMission }, admin.Headers);
        Assert.Equal("Martin Léa: PupilMissionStatusCompleted Reached 3", Describe(detail.Classes.Single().Pupils.Single()));
    }

    [Fact]
    public async Task RecordMissionProgress_EventIdReusedForOtherContent_AlreadyExistsAndNothingChanged()
    {
        var (admin, pupils) = await SchoolWithPupilsAsync("310000001AA");
        var eventId = Guid.NewGuid().ToString();
        await kit.RecordAsync(pupils["Léa"], DataMission, MissionState.Started, step: 1, eventId: eventId);

        await RpcAssert.FailsAsync(
            Grpc.Core.StatusCode.AlreadyExists,
            () => kit.RecordAsync(pupils["Léa"], SearchMission, MissionState.Started, step: 1, eventId: eventId),
            reason: "EVENT_ID_REUSED",
            message: "Cet identifiant d’événement a déjà été utilisé pour un autre événement.");

        var startedBy = await kit.StartedByAsync(admin);
        Assert.Equal(["CM1 A"], startedBy[DataMission]);
        Assert.Empty(startedBy[SearchMission]);
    }

    [Fact]
    public async Task RecordMissionProgress_StartedAgainAfterCompletion_KeepsTheCompletionAndResult()
    {
        var (admin, pupils) = await SchoolWithPupilsAsync("320000001AA");
        await kit.RecordAsync(pupils["Léa"], DataMission, MissionState.Completed, MissionSuccessLevel.NotReached, step: 2);

        var replay = await kit.RecordAsync(pupils["Léa"], DataMission, MissionState.Started, step: 1);
        var better = await kit.RecordAsync(pupils["Léa"], DataMission, MissionState.Completed, MissionSuccessLevel.Reached, step: 5);

        Assert.Equal((MissionState.Completed, MissionSuccessLevel.NotReached, 2), (replay.State, replay.Result.SuccessLevel, replay.Result.ReachedStep));
        Assert.Equal((MissionState.Completed, MissionSuccessLevel.Reached, 5), (better.State, better.Result.SuccessLevel, better.Result.ReachedStep));
    }

    [Fact]
    public async Task Reimport_PupilDeactivatedThenReactivated_ProgressHiddenThenShownAgain()
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        var lea = MissionsKit.Pupil("Martin", "Léa", "400000001AA", "CM1 A");
        var hugo = MissionsKit.Pupil("Durand", "Hugo", "400000002AA", "CM1 A");
        var ines = MissionsKit.Pupil("Petit", "Inès", "400000003AA", "CM1 B");
        await kit.ImportAsync(admin, lea, hugo, ines);
        var code = await kit.SchoolCodeAsync(admin);
        var inesId = (await kit.PupilIdsAsync(code, "CM1 B"))["Inès"];
        await kit.RecordAsync(inesId, DataMission, MissionState.Completed, MissionSuccessLevel.Reached, step: 4);
        Assert.Equal(["CM1 B"], (await kit.StartedByAsync(admin))[DataMission]);

        await kit.ImportAsync(admin, lea, hugo);

        Assert.Empty((await kit.StartedByAsync(admin))[DataMission]);
        var hidden = await kit.Missions.GetMissionAsync(new GetMissionRequest { Uai = admin.Uai, MissionId = DataMission }, admin.Headers);
        Assert.Empty(hidden.Mission.StartedBy);
        Assert.DoesNotContain(hidden.Classes.SelectMany(c => c.Pupils), p => p.StudentId == inesId);
        var junior = await kit.JuniorAsync();
        Assert.Equal(["CM1 A"], (await kit.Junior.ResolveSchoolCodeAsync(new ResolveSchoolCodeRequest { Code = code }, junior)).ClassLabels);
        await RpcAssert.FailsAsync(
            Grpc.Core.StatusCode.NotFound,
            () => kit.Junior.ListClassPupilsAsync(new ListClassPupilsRequest { Code = code, ClassLabel = "CM1 B" }, junior),
            reason: "CLASS_NOT_FOUND",
            message: "Cette classe n’existe pas dans cette école.");

        await kit.ImportAsync(admin, lea, hugo, ines);

        Assert.Equal(["CM1 B"], (await kit.StartedByAsync(admin))[DataMission]);
        var shown = await kit.Missions.GetMissionAsync(new GetMissionRequest { Uai = admin.Uai, MissionId = DataMission }, admin.Headers);
        var back = shown.Classes.Single(c => c.ClassLabel == "CM1 B").Pupils.Single();
        Assert.Equal((inesId, "Petit Inès: PupilMissionStatusCompleted Reached 4"), (back.StudentId, Describe(back)));
    }

    [Fact]
    public async Task ListMissions_PageSizeTwo_TwoPagesInCatalogueOrder()
    {
        var admin = await SchoolAdmins.CreateAsync(app);

        var first = await kit.Missions.ListMissionsAsync(new ListMissionsRequest { Uai = admin.Uai, PageSize = 2 }, admin.Headers);
        var second = await kit.Missions.ListMissionsAsync(
            new ListMissionsRequest { Uai = admin.Uai, PageSize = 2, PageToken = first.NextPageToken }, admin.Headers);

        Assert.Equal([DataMission, SearchMission], first.Missions.Select(m => m.Id));
        Assert.Equal(["lutter-contre-le-cyberharcelement", "utiliser-un-traitement-de-texte"], second.Missions.Select(m => m.Id));
        Assert.Empty(second.NextPageToken);
    }

    private async Task<(SchoolAdmin Admin, Dictionary<string, string> Pupils)> SchoolWithPupilsAsync(string ine)
    {
        var admin = await SchoolAdmins.CreateAsync(app);
        await kit.ImportAsync(admin, MissionsKit.Pupil("Martin", "Léa", ine, "CM1 A"));
        return (admin, await kit.PupilIdsAsync(await kit.SchoolCodeAsync(admin), "CM1 A"));
    }

    private static string Describe(PupilMissionProgress pupil) =>
        $"{pupil.LastName} {pupil.FirstName}: PupilMissionStatus{pupil.Status}"
        + (pupil.Result is null ? " -" : $" {pupil.Result.SuccessLevel} {pupil.Result.ReachedStep}");
}
