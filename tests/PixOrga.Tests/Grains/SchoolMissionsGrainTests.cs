using System.Text;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Missions;
using PixOrga.Grains.Interfaces.SchoolDirectory;
using PixOrga.Grains.Interfaces.Schools;
using PixOrga.Grains.Interfaces.Team;
using PixOrga.Tests.Database;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.Grains;

[Collection(GrainClusterCollection.Name)]
public sealed class SchoolMissionsGrainTests(GrainClusterFixture cluster)
{
    private const string Mission = "proteger-ses-donnees-personnelles";
    private static readonly Caller Junior = Caller.Service("pix-junior", [Scopes.Junior]);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RecordMissionProgress_SchoolGrainInsideACall_RecordedWithoutWaitingForIt()
    {
        var uai = TestData.NewUai();
        var schoolEmail = await ImportSchoolAsync(uai);
        var pupilId = await AddPupilAsync(uai);
        using var hold = HeldMailer.Hold(schoolEmail);
        var schoolCall = School(uai).RequestAdministration("Claire", "Directrice");
        await hold.Sending.WaitAsync(Patience);

        var recorded = await Missions(uai)
            .RecordMissionProgress(Junior, new MissionProgressEvent("e1", pupilId, Mission, MissionState.Started, 2, null))
            .WaitAsync(Patience);

        Assert.False(schoolCall.IsCompleted);
        Assert.Equal((MissionState.Started, 2, false), (recorded.Progress.State, recorded.Progress.ReachedStep, recorded.Duplicate));
        hold.Release();
        Assert.Equal("École Jules Ferry", await schoolCall);
    }

    [Fact]
    public async Task MemberCalls_NoMembership_RefusedAsTheSchoolGrainRefusesIt()
    {
        var missions = Missions(TestData.NewUai());

        var anonymous = await Assert.ThrowsAsync<DomainException>(() => missions.GetSchoolCode(Caller.Anonymous));
        var stranger = await Assert.ThrowsAsync<DomainException>(() => missions.ListMissions(Caller.User(Guid.NewGuid()), 10, null));
        var service = await Assert.ThrowsAsync<DomainException>(() => missions.RegenerateSchoolCode(Junior));

        Assert.Equal(
            ["UNAUTHENTICATED", "NOT_A_MEMBER", "FORBIDDEN"],
            new[] { anonymous, stranger, service }.Select(e => e.Errors[0].Code));
    }

    [Fact]
    public async Task RecordMissionProgress_SignedInUser_Forbidden()
    {
        var uai = TestData.NewUai();
        var pupilId = await AddPupilAsync(uai);

        var error = await Assert.ThrowsAsync<DomainException>(() => Missions(uai).RecordMissionProgress(
            Caller.User(Guid.NewGuid()), new MissionProgressEvent("e1", pupilId, Mission, MissionState.Started, 1, null)));

        Assert.Equal((ErrorKind.PermissionDenied, "FORBIDDEN"), (error.Kind, error.Errors[0].Code));
    }

    private ISchoolGrain School(string uai) => cluster.Grains.GetGrain<ISchoolGrain>(Uai.GrainKey(uai));

    private ISchoolMissionsGrain Missions(string uai) => cluster.Grains.GetGrain<ISchoolMissionsGrain>(Uai.GrainKey(uai));

    private async Task<string> ImportSchoolAsync(string uai)
    {
        var email = $"ce.{uai.ToLowerInvariant()}@ac-test.fr";
        var import = cluster.Grains.GetGrain<IDirectoryImportGrain>(Guid.NewGuid());
        await import.Begin(Caller.Service("operations", [Scopes.SchoolsAdmin]));
        await import.Feed(Encoding.UTF8.GetBytes(
            $"Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;Mail\n{uai};École Jules Ferry;Ecole;{email}\n"));
        Assert.Equal(1, (await import.Complete()).Created);
        return email;
    }

    private async Task<Guid> AddPupilAsync(string uai)
    {
        var id = Guid.NewGuid();
        await SqlHelper.ExecuteAsync(
            cluster.ConnectionString,
            """
            INSERT INTO students (id, school_uai, ine, last_name, first_name, level, class_label, birth_date, created_at, updated_at)
            VALUES (@id, @uai, @ine, 'Martin', 'Léa', 'CM1', 'CM1 A', '2015-03-14', now(), now())
            """,
            ("id", id),
            ("uai", uai),
            ("ine", id.ToString("N")[..11]));
        return id;
    }
}
