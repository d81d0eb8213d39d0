using System.Text;
using Google.Protobuf;
using PixOrga.Contracts.V1;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.EndToEnd.Missions;

/// <summary>What the missions tests share: a school with an imported roster, clients, Pix Junior's token.</summary>
internal sealed class MissionsKit(PixOrgaApp app)
{
    public const string SchoolName = "École élémentaire Jules Ferry";
    private const string OndeHeader = "Nom élève;Prénom élève;INE;Cycle;Niveau;Libellé classe;Date naissance\n";

    public MissionsService.MissionsServiceClient Missions { get; } = new(app.Channel);

    public JuniorService.JuniorServiceClient Junior { get; } = new(app.Channel);

    public static string Pupil(string lastName, string firstName, string ine, string classLabel, string level = "CM1") =>
        $"{lastName};{firstName};{ine};CYCLE III;{level};{classLabel};2015-03-14\n";

    /// <summary>Pix Junior's service token: the scope <c>junior</c> and nothing else.</summary>
    public Task<Grpc.Core.Metadata> JuniorAsync() => app.ServiceAsync(PixOrgaApp.JuniorClient, PixOrgaApp.JuniorSecret);

    /// <summary>Imports an ONDE file made of <paramref name="pupils"/> rows; the import must apply at once.</summary>
    public async Task ImportAsync(SchoolAdmin admin, params string[] pupils)
    {
        var client = new StudentsService.StudentsServiceClient(app.Channel);
        using var call = client.ImportOnde(admin.Headers);
        await call.RequestStream.WriteAsync(new ImportOndeRequest
        {
            Metadata = new ImportOndeMetadata { Uai = admin.Uai, FileName = "onde.csv" },
        });
        await call.RequestStream.WriteAsync(new ImportOndeRequest
        {
            Chunk = ByteString.CopyFrom(Encoding.UTF8.GetBytes(OndeHeader + string.Concat(pupils))),
        });
        await call.RequestStream.CompleteAsync();
        var response = await call;
        Assert.Equal(ImportStatus.Imported, response.Import.Status);
    }

    public async Task<string> SchoolCodeAsync(SchoolAdmin admin) =>
        (await Missions.GetSchoolCodeAsync(new GetSchoolCodeRequest { Uai = admin.Uai }, admin.Headers)).SchoolCode.Code;

    /// <summary>The pupils of a class as Pix Junior lists them, by first name.</summary>
    public async Task<Dictionary<string, string>> PupilIdsAsync(string code, string classLabel)
    {
        var response = await Junior.ListClassPupilsAsync(
            new ListClassPupilsRequest { Code = code, ClassLabel = classLabel }, await JuniorAsync());
        return response.Pupils.ToDictionary(p => p.FirstName, p => p.PupilId);
    }

    public async Task<RecordMissionProgressResponse> RecordAsync(
        string pupilId, string missionId, MissionState state, MissionSuccessLevel level = MissionSuccessLevel.Unspecified, int step = 1, string? eventId = null) =>
        await Junior.RecordMissionProgressAsync(
            new RecordMissionProgressRequest
            {
                EventId = eventId ?? Guid.NewGuid().ToString(),
                PupilId = pupilId,
                MissionId = missionId,
                State = state,
                Result = new MissionResult { ReachedStep = step, SuccessLevel = level },
            },
            await JuniorAsync());

    public async Task<Dictionary<string, IReadOnlyList<string>>> StartedByAsync(SchoolAdmin admin)
    {
        var response = await Missions.ListMissionsAsync(new ListMissionsRequest { Uai = admin.Uai }, admin.Headers);
        return response.Missions.ToDictionary(m => m.Id, m => (IReadOnlyList<string>)m.StartedBy.ToList());
    }
}
