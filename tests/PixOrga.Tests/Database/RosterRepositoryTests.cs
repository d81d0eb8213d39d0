using Npgsql;
using PixOrga.Grains.Interfaces.Common;
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
    private int applied;

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
    public async Task CommitAsync_ReImport_KeepsPupilIdsAndDeactivatesAbsentOnes()
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
    public async Task LoadAsync_AfterCommits_ReturnsPupilsHeadAndNewestImport()
    {
        var pupil = Pupil("A1", "Martin");
        await ApplyAsync(pupil);
        var second = await ApplyAsync(pupil with { ClassLabel = "CM2 B" });

        var snapshot = await Roster.LoadAsync(School);

        var loaded = Assert.Single(snapshot.Students);
        Assert.Equal(("A1", "Martin", "CM2 B", true), (loaded.Ine, loaded.LastName, loaded.ClassLabel, loaded.Active));
        Assert.Equal(2, snapshot.Head.Version);
        Assert.Equal("hash-2", snapshot.Head.ContentHash);
        Assert.Equal(second, snapshot.LastImport!.Id);
    }

    [Fact]
    public async Task LoadAsync_HeldImport_ComesBackWithItsPupils()
    {
        var held = Import(Guid.NewGuid()) with { Status = RosterImportStatus.AwaitingConfirmation, RequiresConfirmation = true };
        var pupils = new[] { ImportedPupil.From(Pupil("A1", "Martin")), ImportedPupil.From(Pupil("B2", "Étienne")) };
        await Roster.CommitAsync(new RosterCommit(
            School, Now, 0, new InsertedImport(held, "UTF-8", "h", null), [], [], [],
            new RosterHead(0, "before", new HeldImport(held, "h", pupils))));

        var head = (await Roster.LoadAsync(School)).Head;

        Assert.Equal("before", head.ContentHash);
        Assert.Equal(held.Id, head.Held!.Import.Id);
        Assert.Equal("h", head.Held.ContentHash);
        Assert.Equal(pupils.Select(p => p.ToOnde()), head.Held.Pupils.Select(p => p.ToOnde()));
    }

    [Fact]
    public async Task CommitAsync_StaleVersion_RollsBackEveryStatementOfTheCommand()
    {
        await ApplyAsync(Pupil("A1", "Martin"));
        var roster = new SchoolRoster(School, await Roster.LoadAsync(School));
        var diff = roster.Diff([Pupil("B2", "Durand")]);

        // A second activation of the school committed meanwhile: this one's version is stale.
        var stale = Commit(roster, diff, Guid.NewGuid(), "stale") with { ExpectedVersion = 0 };
        // A serialization failure is transient: the caller is told to retry, and its retry reloads.
        var failure = await Assert.ThrowsAsync<DomainException>(() => Roster.CommitAsync(stale));

        Assert.Equal(ErrorKind.Unavailable, failure.Kind);
        Assert.Equal(["A1"], (await Roster.LoadAsync(School)).Students.Where(s => s.Active).Select(s => s.Ine));
        Assert.Equal(1L, await SqlHelper.ScalarAsync<long>(connectionString, "SELECT count(*) FROM roster_imports"));
    }

    [Fact]
    public async Task CommitAsync_IdempotencyKeyTaken_WritesNothingAndAnswersFalse()
    {
        var roster = new SchoolRoster(School, await Roster.LoadAsync(School));
        Assert.True(await Roster.CommitAsync(Commit(roster, roster.Diff([Pupil("A1", "Martin")]), Guid.NewGuid(), "h1", "key-1")));
        roster = new SchoolRoster(School, await Roster.LoadAsync(School));

        var replayed = await Roster.CommitAsync(Commit(roster, roster.Diff([Pupil("B2", "Durand")]), Guid.NewGuid(), "h2", "key-1"));

        Assert.False(replayed);
        var snapshot = await Roster.LoadAsync(School);
        Assert.Equal(["A1"], snapshot.Students.Where(s => s.Active).Select(s => s.Ine));
        Assert.Equal(("h1", 1L), (snapshot.Head.ContentHash, snapshot.Head.Version));
    }

    [Fact]
    public async Task CommitAsync_FailingHistoryRow_RollsBackThePupils()
    {
        var id = Guid.NewGuid();
        var roster = new SchoolRoster(School, await Roster.LoadAsync(School));
        await Roster.CommitAsync(Commit(roster, roster.Diff([]), id, "h"));
        roster = new SchoolRoster(School, await Roster.LoadAsync(School));

        await Assert.ThrowsAsync<PostgresException>(() => Roster.CommitAsync(Commit(roster, roster.Diff([Pupil("A1", "Martin")]), id, "h")));

        Assert.Equal(0L, await SqlHelper.ScalarAsync<long>(connectionString, "SELECT count(*) FROM students"));
        Assert.Equal(1L, (await Roster.LoadAsync(School)).Head.Version);
    }

    [Fact]
    public async Task History_InsertedRows_ReadBackNewestFirstInPages()
    {
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in ids)
        {
            await Roster.CommitAsync(new RosterCommit(School, Now, 0, new InsertedImport(Import(id), "UTF-8", null, null), [], [], [], null));
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
        await Roster.CommitAsync(new RosterCommit(School, Now, 0, new InsertedImport(import, "Windows-1252", null, "key-1"), [], [], [], null));

        var read = await Roster.History.FindByIdempotencyKeyAsync(School, "key-1");

        Assert.NotNull(read);
        Assert.Equal(import.Counts, read!.Counts);
        Assert.Equal(import.Errors, read.Errors);
        Assert.Equal(RosterImportStatus.ValidationError, read.Status);
        Assert.Equal(Now, read.CreatedAt);
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
        var other = new SchoolRoster("0999999Z", await Roster.LoadAsync("0999999Z"));
        await Roster.CommitAsync(Commit(other, other.Diff([Pupil("X1", "Martin")]), Guid.NewGuid(), "h"));

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

    /// <summary>Applies a file the way the school grain does: diff against the stored roster, one commit.</summary>
    private async Task<Guid> ApplyAsync(params OndePupil[] pupils)
    {
        var roster = new SchoolRoster(School, await Roster.LoadAsync(School));
        var id = Guid.NewGuid();
        applied++;
        Assert.True(await Roster.CommitAsync(Commit(roster, roster.Diff(pupils), id, $"hash-{applied}")));
        return id;
    }

    private static RosterCommit Commit(SchoolRoster roster, RosterDiffResult diff, Guid importId, string hash, string? key = null) => new(
        roster.Uai, Now, roster.Head.Version,
        new InsertedImport(Import(importId) with { Uai = roster.Uai }, "UTF-8", hash, key),
        [], roster.Upserts(diff, Now), diff.Deactivated, new RosterHead(roster.Head.Version, hash, null));

    private async Task<Dictionary<string, Guid>> IdsAsync() =>
        (await SqlHelper.RowsAsync(connectionString, "SELECT ine, id FROM students WHERE school_uai = @s", ("s", School)))
        .ToDictionary(r => (string)r[0]!, r => (Guid)r[1]!);

    private static OndePupil Pupil(string ine, string lastName, string classLabel = "CM1 A", OndeLevel level = OndeLevel.Cm1) =>
        new(ine, lastName, "Léa", "CYCLE III", level, classLabel, new DateOnly(2014, 5, 6));

    private static RosterImport Import(Guid id) => new(
        id, School, RosterImportStatus.Imported, Now, Guid.NewGuid(), "onde.csv",
        new RosterImportCounts(1, 1, 0, 0, 0, 0, 0), [], null, null, null, false, false);
}
