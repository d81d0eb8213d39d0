using Npgsql;
using PixOrga.Grains.Interfaces.Roster;
using PixOrga.Grains.Roster;
using PixOrga.Grains.Roster.Onde;

namespace PixOrga.Tests.Database;

[Collection(PostgresCollection.Name)]
public sealed class RosterRepositoryTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string School = "0751234A";
    private static readonly DateTimeOffset Now = new(2025, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private string connectionString = string.Empty;
    private NpgsqlDataSource? dataSource;

    private RosterRepository Roster => new(dataSource!);

    public async Task InitializeAsync()
    {
        connectionString = await postgres.CreateMigratedDatabaseAsync();
        dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public async Task DisposeAsync()
    {
        if (dataSource is not null)
        {
            await dataSource.DisposeAsync();
        }
    }

    [Fact]
    public async Task WriteAsync_ReImport_KeepsPupilIdsAndDeactivatesAbsentOnes()
    {
        await ApplyAsync(Pupil("A1", "Martin"), Pupil("B2", "Durand"));
        var idsBefore = await IdsAsync();

        await ApplyAsync(Pupil("A1", "Martin-Dupont"), Pupil("C3", "Petit"));

        var rows = await SqlHelper.RowsAsync(connectionString,
            "SELECT ine, last_name, active, id FROM students WHERE school_uai = @s ORDER BY ine", ("s", School));
        Assert.Equal(["A1", "B2", "C3"], rows.Select(r => (string)r[0]!));
        Assert.Equal("Martin-Dupont", rows[0][1]);
        Assert.Equal([true, false, true], rows.Select(r => (bool)r[2]!));
        Assert.Equal(idsBefore["A1"], rows[0][3]);
        Assert.Equal(idsBefore["B2"], rows[1][3]);
    }

    [Fact]
    public async Task LoadAsync_AfterWrite_ReturnsPupilsAsTheDiffCompares()
    {
        var pupil = Pupil("A1", "Martin");
        await ApplyAsync(pupil);

        var loaded = Assert.Single(await Roster.LoadAsync(School));

        Assert.Equal(new RosterPupil(pupil, true), loaded);
    }

    [Fact]
    public async Task WriteAsync_GuardChangingNoRow_WritesNothing()
    {
        var diff = RosterDiff.Compute([], [Pupil("A1", "Martin")]);
        var guard = RosterImportHistory.Decide(School, Guid.NewGuid(), RosterImportStatus.Imported, Now, Guid.NewGuid());

        var written = await Roster.WriteAsync(School, diff, Now, [], guard);

        Assert.False(written);
        Assert.Equal(0L, await SqlHelper.ScalarAsync<long>(connectionString, "SELECT count(*) FROM students"));
    }

    [Fact]
    public async Task WriteAsync_FailingHistoryRow_RollsBackThePupils()
    {
        var import = Import(Guid.NewGuid());
        await Roster.WriteAsync(School, null, Now, [RosterImportHistory.Insert(import, "UTF-8", "h", null)]);
        var diff = RosterDiff.Compute([], [Pupil("A1", "Martin")]);

        await Assert.ThrowsAsync<PostgresException>(() =>
            Roster.WriteAsync(School, diff, Now, [RosterImportHistory.Insert(import, "UTF-8", "h", null)]));

        Assert.Equal(0L, await SqlHelper.ScalarAsync<long>(connectionString, "SELECT count(*) FROM students"));
    }

    [Fact]
    public async Task History_InsertedRows_ReadBackNewestFirstInPages()
    {
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in ids)
        {
            await Roster.WriteAsync(School, null, Now, [RosterImportHistory.Insert(Import(id), "UTF-8", null, null)]);
        }

        var first = await Roster.History.ListAsync(School, 3, null);
        var second = await Roster.History.ListAsync(School, 3, first.NextAfter);

        Assert.Equal(ids.AsEnumerable().Reverse(), first.Imports.Concat(second.Imports).Select(i => i.Id));
        Assert.Null(second.NextAfter);
        Assert.Equal(ids[^1], (await Roster.History.LastAsync(School))!.Id);
    }

    [Fact]
    public async Task History_ErrorsAndCounts_RoundTrip()
    {
        var import = Import(Guid.NewGuid()) with
        {
            Status = RosterImportStatus.ValidationError,
            Counts = new RosterImportCounts(4, 0, 0, 0, 0, 0, 1),
            Errors = [new RosterImportError(3, "INE", "FIELD_REQUIRED", "Ligne 3 : Le champ “INE” est obligatoire."), new RosterImportError(null, null, "BAD_CSV_FORMAT", "x")],
        };
        await Roster.WriteAsync(School, null, Now, [RosterImportHistory.Insert(import, "Windows-1252", null, "key-1")]);

        var read = await Roster.History.FindByIdempotencyKeyAsync(School, "key-1");

        Assert.NotNull(read);
        Assert.Equal(import.Counts, read!.Counts);
        Assert.Equal(import.Errors, read.Errors);
        Assert.Equal(RosterImportStatus.ValidationError, read.Status);
        Assert.Equal(Now, read.CreatedAt);
    }

    [Fact]
    public async Task ListAsync_FiltersAndPages_InNameOrder()
    {
        await ApplyAsync(
            Pupil("A1", "Bernard", "CM1 A", OndeLevel.Cm1),
            Pupil("A2", "Arnaud", "CM1 A", OndeLevel.Cm1),
            Pupil("A3", "Colin", "CM2 B", OndeLevel.Cm2),
            Pupil("A4", "Dupont_x", "CM2 B", OndeLevel.Cm2));
        await ApplyAsync(
            Pupil("A1", "Bernard", "CM1 A", OndeLevel.Cm1),
            Pupil("A2", "Arnaud", "CM1 A", OndeLevel.Cm1),
            Pupil("A3", "Colin", "CM2 B", OndeLevel.Cm2));

        var firstPage = await Roster.ListAsync(School, Query(pageSize: 2));
        var secondPage = await Roster.ListAsync(School, Query(pageSize: 2, after: firstPage.NextAfter));
        var withInactive = await Roster.ListAsync(School, Query(includeInactive: true));
        var cm2 = await Roster.ListAsync(School, Query(level: StudentLevel.Cm2, includeInactive: true));
        var classA = await Roster.ListAsync(School, Query(classLabel: "CM1 A"));
        var search = await Roster.ListAsync(School, Query(search: "_x", includeInactive: true));

        Assert.Equal(["Arnaud", "Bernard"], firstPage.Students.Select(s => s.LastName));
        Assert.Equal(["Colin"], secondPage.Students.Select(s => s.LastName));
        Assert.Null(secondPage.NextAfter);
        Assert.Equal(["Arnaud", "Bernard", "Colin", "Dupont_x"], withInactive.Students.Select(s => s.LastName));
        Assert.Equal(["Colin", "Dupont_x"], cm2.Students.Select(s => s.LastName));
        Assert.Equal(["Arnaud", "Bernard"], classA.Students.Select(s => s.LastName));
        Assert.Equal(["Dupont_x"], search.Students.Select(s => s.LastName));
    }

    [Fact]
    public async Task ListClassesAsync_ActivePupils_CountedPerClassWithLevels()
    {
        await ApplyAsync(
            Pupil("A1", "A", "CM1-CM2", OndeLevel.Cm1),
            Pupil("A2", "B", "CM1-CM2", OndeLevel.Cm2),
            Pupil("A3", "C", "CM2 B", OndeLevel.Cm2));

        var classes = await Roster.ListClassesAsync(School);

        Assert.Equal(2, classes.Count);
        Assert.Equal(("CM1-CM2", 2), (classes[0].Label, classes[0].StudentCount));
        Assert.Equal([StudentLevel.Cm1, StudentLevel.Cm2], classes[0].Levels);
        Assert.Equal(("CM2 B", 1), (classes[1].Label, classes[1].StudentCount));
    }

    [Fact]
    public async Task FindByIneAsync_SameIneInTwoSchools_ReturnsBoth()
    {
        await ApplyAsync(Pupil("X1", "Martin"));
        var diff = RosterDiff.Compute([], [Pupil("X1", "Martin")]);
        await Roster.WriteAsync("0999999Z", diff, Now, []);

        var found = await Roster.FindByIneAsync(["X1", "unknown"]);

        Assert.Equal([School, "0999999Z"], found.Select(s => s.Uai));
    }

    [Fact]
    public async Task Explain_FindByIne_UsesTheIneIndex()
    {
        await SqlHelper.ExecuteAsync(connectionString,
            """
            INSERT INTO students (id, school_uai, ine, last_name, first_name, level, class_label, birth_date, created_at, updated_at)
            SELECT gen_random_uuid(), 'S' || (n / 100), 'INE' || n, 'N', 'P', 'CM1', 'C', '2014-01-01', now(), now()
            FROM generate_series(1, 20000) AS n
            """);
        await SqlHelper.ExecuteAsync(connectionString, "ANALYZE students");

        var plan = await SqlHelper.RowsAsync(connectionString, "EXPLAIN SELECT * FROM students WHERE ine = ANY('{X1,X2}')");

        Assert.Contains(plan, row => ((string)row[0]!).Contains("students_by_ine", StringComparison.Ordinal));
    }

    private async Task ApplyAsync(params OndePupil[] pupils)
    {
        var diff = RosterDiff.Compute(await Roster.LoadAsync(School), pupils);
        await Roster.WriteAsync(School, diff, Now, []);
    }

    private async Task<Dictionary<string, Guid>> IdsAsync() =>
        (await SqlHelper.RowsAsync(connectionString, "SELECT ine, id FROM students WHERE school_uai = @s", ("s", School)))
        .ToDictionary(r => (string)r[0]!, r => (Guid)r[1]!);

    private static OndePupil Pupil(string ine, string lastName, string classLabel = "CM1 A", OndeLevel level = OndeLevel.Cm1) =>
        new(ine, lastName, "Léa", "CYCLE III", level, classLabel, new DateOnly(2014, 5, 6));

    private static RosterImport Import(Guid id) => new(
        id, School, RosterImportStatus.Imported, Now, Guid.NewGuid(), "onde.csv",
        new RosterImportCounts(1, 1, 0, 0, 0, 0, 0), [], null, null, null, false, false);

    private static StudentQuery Query(
        string? classLabel = null, StudentLevel level = StudentLevel.Unspecified, string? search = null,
        bool includeInactive = false, int pageSize = 50, string? after = null) =>
        new(classLabel, level, search, includeInactive, pageSize, after);
}
