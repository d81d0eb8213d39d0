using System.Text;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.SchoolDirectory;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.Grains;

[Collection(GrainClusterCollection.Name)]
public sealed class DirectoryImportGrainTests(GrainClusterFixture cluster)
{
    private static readonly Caller Operator = Caller.Service("operations", [Scopes.SchoolsAdmin]);

    [Fact]
    public async Task Feed_ChunksSplitInsideCharacters_RowsStoredAndReadable()
    {
        var uai = TestData.NewUai();
        var bytes = Encoding.UTF8.GetBytes(
            "\uFEFFIdentifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;Mail\n"
            + $"{uai};\"École « Les Châtaigniers »; maternelle\";Ecole;Direction@Ac-Lyon.fr\n");
        var import = cluster.Grains.GetGrain<IDirectoryImportGrain>(Guid.NewGuid());

        await import.Begin(Operator);
        foreach (var chunk in bytes.Chunk(3))
        {
            await import.Feed(chunk);
        }

        var result = await import.Complete();

        Assert.Equal(1, result.Created);
        Assert.Empty(result.Errors);
        var school = await cluster.Grains.GetGrain<ISchoolDirectoryGrain>(0).GetSchool(Operator, uai);
        Assert.Equal("École « Les Châtaigniers »; maternelle", school.Name);
        Assert.Equal("direction@ac-lyon.fr", school.Email);
    }

    [Fact]
    public async Task Begin_WithoutScope_DomainErrorCrossesTheGrainBoundary()
    {
        var import = cluster.Grains.GetGrain<IDirectoryImportGrain>(Guid.NewGuid());

        var error = await Assert.ThrowsAsync<DomainException>(() => import.Begin(Caller.Service("reader", [Scopes.RosterRead])));

        Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
        Assert.Equal("MISSING_SCOPE", Assert.Single(error.Errors).Code);
    }

    [Fact]
    public async Task Feed_BeforeBegin_Refused()
    {
        var import = cluster.Grains.GetGrain<IDirectoryImportGrain>(Guid.NewGuid());

        var error = await Assert.ThrowsAsync<DomainException>(() => import.Feed([1, 2, 3]));

        Assert.Equal(ErrorKind.FailedPrecondition, error.Kind);
    }

    [Fact]
    public async Task Feed_UnterminatedQuote_BadCsvFormat()
    {
        var import = cluster.Grains.GetGrain<IDirectoryImportGrain>(Guid.NewGuid());
        await import.Begin(Operator);
        await import.Feed(Encoding.UTF8.GetBytes("Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement\n0000001A;\"École;Ecole\n"));

        var error = await Assert.ThrowsAsync<DomainException>(() => import.Complete());

        Assert.Equal("BAD_CSV_FORMAT", Assert.Single(error.Errors).Code);
    }
}
