using Npgsql;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Missions.SchoolCodes;

namespace PixOrga.Tests.Database;

[Collection(PostgresCollection.Name)]
public sealed class SchoolCodeRepositoryTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2025, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private NpgsqlDataSource? dataSource;

    private SchoolCodeRepository Codes => new(dataSource!);

    public async Task InitializeAsync() => dataSource = NpgsqlDataSource.Create(await postgres.CreateMigratedDatabaseAsync());

    public async Task DisposeAsync()
    {
        if (dataSource is not null)
        {
            await dataSource.DisposeAsync();
        }
    }

    [Fact]
    public async Task CreateAsync_DrawnCodeHeldByAnotherSchool_DrawsAgain()
    {
        await Codes.CreateAsync("0751234A", Now, () => "AAAAAAAA");
        var draws = new Queue<string>(["AAAAAAAA", "BBBBBBBB"]);

        var code = await Codes.CreateAsync("0751234B", Now, draws.Dequeue);

        Assert.Equal("BBBBBBBB", code.Code);
        Assert.Equal("0751234B", await Codes.FindSchoolAsync("BBBBBBBB"));
        Assert.Equal("0751234A", await Codes.FindSchoolAsync("AAAAAAAA"));
    }

    [Fact]
    public async Task ReplaceAsync_DrawnCodeHeldByAnotherSchool_DrawsAgainAndDropsTheOldCode()
    {
        await Codes.CreateAsync("0751234A", Now, () => "AAAAAAAA");
        await Codes.CreateAsync("0751234B", Now, () => "BBBBBBBB");
        var draws = new Queue<string>(["AAAAAAAA", "CCCCCCCC"]);

        var code = await Codes.ReplaceAsync("0751234B", Now.AddDays(1), draws.Dequeue);

        Assert.Equal(("CCCCCCCC", Now.AddDays(1)), (code.Code, code.CreatedAt));
        Assert.Null(await Codes.FindSchoolAsync("BBBBBBBB"));
        Assert.Equal("0751234A", await Codes.FindSchoolAsync("AAAAAAAA"));
    }

    [Fact]
    public async Task CreateAsync_EveryDrawCollides_AbortsAfterMaxAttempts()
    {
        await Codes.CreateAsync("0751234A", Now, () => "AAAAAAAA");
        var draws = 0;

        var exception = await Assert.ThrowsAsync<DomainException>(() => Codes.CreateAsync("0751234B", Now, () =>
        {
            draws++;
            return "AAAAAAAA";
        }));

        Assert.Equal((ErrorKind.Aborted, "SCHOOL_CODE_GENERATION_FAILED"), (exception.Kind, exception.Errors[0].Code));
        Assert.Equal(SchoolCodeRepository.MaxAttempts, draws);
        Assert.Null(await Codes.FindAsync("0751234B"));
    }

    [Fact]
    public async Task CreateAsync_SchoolAlreadyHasACode_KeepsIt()
    {
        await Codes.CreateAsync("0751234A", Now, () => "AAAAAAAA");

        var code = await Codes.CreateAsync("0751234A", Now, () => "DDDDDDDD");

        Assert.Equal("AAAAAAAA", code.Code);
        Assert.Null(await Codes.FindSchoolAsync("DDDDDDDD"));
    }
}
