using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using PixOrga.Contracts.V1;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.EndToEnd.Schools;

[Collection(EndToEndCollection.Name)]
public sealed class SchoolsServiceTests(PixOrgaApp app)
{
    private const string Header =
        "Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;Statut_public_prive;Adresse_1;Code_postal;Nom_commune;Mail;Etat\n";

    private SchoolsService.SchoolsServiceClient Client => new(app.Channel);

    [Fact]
    public async Task Health_WhenRunning_IsServing()
    {
        var health = new Health.HealthClient(app.Channel);
        var answer = await health.CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, answer.Status);
    }

    [Fact]
    public async Task ImportDirectory_SmallFile_SchoolsReadBackAndSecondImportChangesNothing()
    {
        var operatorHeaders = await app.OperatorAsync();
        var uai = TestData.NewUai();
        var other = TestData.NewUai();
        var file = Header
            + $"{uai.ToLowerInvariant()};École élémentaire Jules Ferry;Ecole;Public;1 rue de l'École;75011;Paris;ce.{uai.ToLowerInvariant()}@ac-paris.fr;OUVERT\n"
            + $"{other};Collège Victor Hugo;Collège;Public;2 rue;75012;Paris;ce.{other}@ac-paris.fr;OUVERT\n"
            + "\n"
            + ";École sans UAI;Ecole;Public;;75013;Paris;;OUVERT\n";

        var first = await ImportAsync(file, operatorHeaders, chunkSize: 7);
        Assert.Equal(1, first.Created);
        Assert.Equal(1, first.Skipped);
        var error = Assert.Single(first.Errors);
        Assert.Equal(4, error.Line);
        Assert.Equal("FIELD_REQUIRED", error.Reason);
        Assert.Equal("Ligne 4 : Le champ “Identifiant_de_l_etablissement” est obligatoire.", error.Message);

        var school = (await Client.GetSchoolAsync(new GetSchoolRequest { Uai = $"  {uai.ToLowerInvariant()} " }, operatorHeaders)).School;
        Assert.Equal(uai, school.Uai);
        Assert.Equal("École élémentaire Jules Ferry", school.Name);
        Assert.Equal($"ce.{uai.ToLowerInvariant()}@ac-paris.fr", school.Email);
        Assert.Equal("75011", school.PostalCode);
        Assert.False(school.Archived);

        var second = await ImportAsync(file, operatorHeaders, chunkSize: 4096);
        Assert.Equal(0, second.Created);
        Assert.Equal(0, second.Updated);
        Assert.Equal(1, second.Unchanged);
    }

    [Fact]
    public async Task ImportDirectory_ChangedRow_IsUpdated()
    {
        var operatorHeaders = await app.OperatorAsync();
        var uai = TestData.NewUai();
        await ImportAsync(Header + $"{uai};École A;Ecole;Public;;75011;Paris;a@ac.fr;OUVERT\n", operatorHeaders);
        var result = await ImportAsync(Header + $"{uai};École B;Ecole;Public;;75011;Paris;a@ac.fr;FERME\n", operatorHeaders);
        Assert.Equal(1, result.Updated);
        var school = (await Client.GetSchoolAsync(new GetSchoolRequest { Uai = uai }, operatorHeaders)).School;
        Assert.Equal("École B", school.Name);
        Assert.True(school.Archived);
    }

    [Fact]
    public async Task ImportDirectory_MissingColumns_InvalidArgumentAndNothingStored()
    {
        var operatorHeaders = await app.OperatorAsync();
        var uai = TestData.NewUai();
        var exception = await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => ImportAsync($"Nom_etablissement;Mail\nÉcole;{uai}@x.fr\n", operatorHeaders),
            reason: "HEADER_REQUIRED",
            message: "La colonne “Identifiant_de_l_etablissement” est obligatoire.");
        Assert.Equal(2, RpcAssert.Violations(exception).Count);
    }

    [Fact]
    public async Task ImportDirectory_WithoutToken_Unauthenticated()
    {
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => ImportAsync(Header, new Metadata()), reason: "UNAUTHENTICATED");
    }

    [Fact]
    public async Task SchoolsRpcs_ServiceWithoutScope_PermissionDenied()
    {
        var headers = await app.ServiceAsync(PixOrgaApp.NoScopeClient, PixOrgaApp.NoScopeSecret);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => ImportAsync(Header, headers), reason: "MISSING_SCOPE");
        await RpcAssert.FailsAsync(
            StatusCode.PermissionDenied, () => Client.GetSchoolAsync(new GetSchoolRequest { Uai = "0751234A" }, headers), reason: "MISSING_SCOPE");
        await RpcAssert.FailsAsync(
            StatusCode.PermissionDenied, () => Client.ListSchoolsAsync(new ListSchoolsRequest(), headers), reason: "MISSING_SCOPE");
    }

    [Fact]
    public async Task GetSchool_UnknownOrEmpty_ClearErrors()
    {
        var headers = await app.OperatorAsync();
        await RpcAssert.FailsAsync(
            StatusCode.NotFound,
            () => Client.GetSchoolAsync(new GetSchoolRequest { Uai = "9999999Z" }, headers),
            reason: "SCHOOL_NOT_FOUND",
            message: "L'UAI/RNE de l'établissement n’est pas reconnu.");
        await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => Client.GetSchoolAsync(new GetSchoolRequest { Uai = "  " }, headers),
            reason: "UAI_REQUIRED",
            message: "L'UAI/RNE n'est pas renseigné.");
    }

    [Fact]
    public async Task ListSchools_Paged_WalksEverySchoolOnce()
    {
        var headers = await app.OperatorAsync();
        var prefix = TestData.NewUai()[..4];
        var uais = Enumerable.Range(0, 5).Select(i => $"{prefix}{i:000}X").ToList();
        await ImportAsync(Header + string.Concat(uais.Select(u => $"{u};École {u};Ecole;Public;;75011;Paris;;OUVERT\n")), headers);

        var seen = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await Client.ListSchoolsAsync(new ListSchoolsRequest { PageSize = 2, PageToken = token }, headers);
            Assert.True(page.Schools.Count <= 2);
            seen.AddRange(page.Schools.Select(s => s.Uai));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(seen.OrderBy(s => s, StringComparer.Ordinal), seen);
        Assert.All(uais, u => Assert.Contains(u, seen));
        await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => Client.ListSchoolsAsync(new ListSchoolsRequest { PageSize = -1 }, headers),
            reason: "INVALID_PAGE_SIZE");
        await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => Client.ListSchoolsAsync(new ListSchoolsRequest { PageToken = "!!" }, headers),
            reason: "INVALID_PAGE_TOKEN");
    }

    private async Task<ImportDirectoryResponse> ImportAsync(string content, Metadata headers, int chunkSize = 16 * 1024)
    {
        using var call = Client.ImportDirectory(headers);
        var bytes = Encoding.UTF8.GetBytes(content);
        for (var offset = 0; offset < bytes.Length; offset += chunkSize)
        {
            await call.RequestStream.WriteAsync(new ImportDirectoryRequest
            {
                Chunk = ByteString.CopyFrom(bytes, offset, Math.Min(chunkSize, bytes.Length - offset)),
            });
        }

        await call.RequestStream.CompleteAsync();
        return await call;
    }
}
