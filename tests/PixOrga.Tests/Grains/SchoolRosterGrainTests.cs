using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Roster;
using PixOrga.Tests.Database;

namespace PixOrga.Tests.Grains;

/// <summary>
/// The school grain's roster commands on the test cluster: import, hold, confirm and cancel, and
/// what is left after a command fails between its roster write and its end.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class SchoolRosterGrainTests(GrainClusterFixture cluster) : IAsyncLifetime
{
    private static readonly (string Ine, string LastName)[] FileA = SchoolKit.Class();

    // Two names changed and one pupil added: applied without confirmation.
    private static readonly (string Ine, string LastName)[] FileB =
        [.. FileA.Select((p, i) => i < 2 ? (p.Ine, p.LastName + "-Dupont") : p), ("1234567890Z", "Nouvelle")];

    // Keeps 2 of 10 pupils: held for confirmation.
    private static readonly (string Ine, string LastName)[] FileHeld = FileA[..2];

    public Task InitializeAsync() => RosterFaults.InstallAsync(cluster.ConnectionString);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SubmitImport_HoldThenConfirm_AppliesTheHeldFile()
    {
        var (uai, admin) = await SchoolKit.NewSchoolWithAdminAsync(cluster);
        await SchoolKit.UploadAsync(cluster, uai, admin, SchoolKit.Onde(FileA));

        var held = await SchoolKit.UploadAsync(cluster, uai, admin, SchoolKit.Onde(FileHeld));
        var shown = await SchoolKit.Roster(cluster, uai).GetLastImport(admin);
        var confirmed = await SchoolKit.Roster(cluster, uai).ConfirmImport(admin, held.Id);

        Assert.Equal(RosterImportStatus.AwaitingConfirmation, held.Status);
        Assert.Equal(8, shown!.Preview!.Deactivated.Count);
        Assert.Equal((RosterImportStatus.Imported, 8), (confirmed.Status, confirmed.Counts.Deactivated));
        Assert.Equal(FileHeld.Select(p => p.Ine), await ActiveInesAsync(uai));
        await AssertMemoryMatchesDatabaseAsync(uai, admin);
    }

    [Fact]
    public async Task SubmitImport_NewFileWhileOneIsHeld_CancelsTheHeldOne()
    {
        var (uai, admin) = await SchoolKit.NewSchoolWithAdminAsync(cluster);
        await SchoolKit.UploadAsync(cluster, uai, admin, SchoolKit.Onde(FileA));
        var held = await SchoolKit.UploadAsync(cluster, uai, admin, SchoolKit.Onde(FileHeld));

        var applied = await SchoolKit.UploadAsync(cluster, uai, admin, SchoolKit.Onde(FileB));

        Assert.Equal(RosterImportStatus.Imported, applied.Status);
        Assert.Equal("CANCELLED", await StatusInDatabaseAsync(held.Id));
        var error = await Assert.ThrowsAsync<DomainException>(() => SchoolKit.Roster(cluster, uai).ConfirmImport(admin, held.Id));
        Assert.Equal("IMPORT_NOT_AWAITING_CONFIRMATION", Assert.Single(error.Errors).Code);
        await AssertMemoryMatchesDatabaseAsync(uai, admin);
    }

    [Fact]
    public async Task SubmitImport_SameIdempotencyKeyWithAnotherFile_AnswersTheFirstImportAndWritesNothing()
    {
        var (uai, admin) = await SchoolKit.NewSchoolWithAdminAsync(cluster);
        var first = await SchoolKit.UploadAsync(cluster, uai, admin, SchoolKit.Onde(FileA), "retry-1");

        var replayed = await SchoolKit.UploadAsync(cluster, uai, admin, SchoolKit.Onde(FileB), "retry-1");

        Assert.True(replayed.Replayed);
        Assert.Equal(first.Id, replayed.Id);
        Assert.Equal(1L, await SqlHelper.ScalarAsync<long>(cluster.ConnectionString, "SELECT count(*) FROM roster_imports WHERE school_uai = @u", ("u", uai)));
        await AssertRosterIsAsync(uai, FileA);
        await AssertMemoryMatchesDatabaseAsync(uai, admin);
    }

    [Fact]
    public async Task SubmitImport_AnotherActivationCommittedMeanwhile_UnavailableThenTheRetryApplies()
    {
        var (uai, admin) = await SchoolKit.NewSchoolWithAdminAsync(cluster);
        await SchoolKit.UploadAsync(cluster, uai, admin, SchoolKit.Onde(FileA));
        await SqlHelper.ExecuteAsync(cluster.ConnectionString, "UPDATE school_rosters SET version = version + 1 WHERE school_uai = @u", ("u", uai));

        var error = await Assert.ThrowsAsync<DomainException>(() => SchoolKit.UploadAsync(cluster, uai, admin, SchoolKit.Onde(FileB)));
        var retried = await SchoolKit.UploadAsync(cluster, uai, admin, SchoolKit.Onde(FileB));

        Assert.Equal(ErrorKind.Unavailable, error.Kind);
        Assert.Equal(RosterImportStatus.Imported, retried.Status);
        await AssertRosterIsAsync(uai, FileB);
        await AssertMemoryMatchesDatabaseAsync(uai, admin);
    }

    [Theory]
    [InlineData(RosterFaults.Fail)]
    [InlineData(RosterFaults.Disconnect)]
    public async Task SubmitImport_FaultAfterTheRosterWrite_EarlierFileIsUnchangedOnlyIfTheRosterIsThatFile(string fault)
    {
        var (uai, admin) = await SchoolKit.NewSchoolWithAdminAsync(cluster);
        await SchoolKit.UploadAsync(cluster, uai, admin, SchoolKit.Onde(FileA));
        await SchoolKit.UploadAsync(cluster, uai, admin, SchoolKit.Onde(FileB));

        await RosterFaults.ArmAsync(cluster.ConnectionString, uai, fault);
        await Assert.ThrowsAnyAsync<Exception>(() => SchoolKit.UploadAsync(cluster, uai, admin, SchoolKit.Onde(FileA)));
        await RosterFaults.DisarmAsync(cluster.ConnectionString, uai);

        await AssertMemoryMatchesDatabaseAsync(uai, admin);
        var again = await SchoolKit.UploadAsync(cluster, uai, admin, SchoolKit.Onde(FileB));
        Assert.Equal(RosterImportStatus.Unchanged, again.Status);
        await AssertRosterIsAsync(uai, FileB);
        var earlier = await SchoolKit.UploadAsync(cluster, uai, admin, SchoolKit.Onde(FileA));
        Assert.Equal(RosterImportStatus.Imported, earlier.Status);
        await AssertRosterIsAsync(uai, FileA);
        await AssertMemoryMatchesDatabaseAsync(uai, admin);
    }

    [Theory]
    [InlineData("apply", RosterFaults.Fail)]
    [InlineData("apply", RosterFaults.Disconnect)]
    [InlineData("hold", RosterFaults.Fail)]
    [InlineData("hold", RosterFaults.Disconnect)]
    [InlineData("confirm", RosterFaults.Fail)]
    [InlineData("confirm", RosterFaults.Disconnect)]
    [InlineData("cancel", RosterFaults.Fail)]
    [InlineData("cancel", RosterFaults.Disconnect)]
    public async Task Command_FaultAfterTheRosterWrite_NothingChangedAndMemoryAgreesWithTheDatabase(string command, string fault)
    {
        var (uai, admin) = await SchoolKit.NewSchoolWithAdminAsync(cluster);
        await SchoolKit.UploadAsync(cluster, uai, admin, SchoolKit.Onde(FileA));
        var held = command is "confirm" or "cancel" ? await SchoolKit.UploadAsync(cluster, uai, admin, SchoolKit.Onde(FileHeld)) : null;
        var importsBefore = await ImportRowsAsync(uai);
        var roster = SchoolKit.Roster(cluster, uai);
        Func<Task<RosterImport>> act = command switch
        {
            "apply" => () => SchoolKit.UploadAsync(cluster, uai, admin, SchoolKit.Onde(FileB)),
            "hold" => () => SchoolKit.UploadAsync(cluster, uai, admin, SchoolKit.Onde(FileHeld)),
            "confirm" => () => roster.ConfirmImport(admin, held!.Id),
            _ => () => roster.CancelImport(admin, held!.Id),
        };

        await RosterFaults.ArmAsync(cluster.ConnectionString, uai, fault);
        await Assert.ThrowsAnyAsync<Exception>(act);
        await RosterFaults.DisarmAsync(cluster.ConnectionString, uai);

        Assert.Equal(importsBefore, await ImportRowsAsync(uai));
        await AssertRosterIsAsync(uai, FileA);
        await AssertMemoryMatchesDatabaseAsync(uai, admin);
        var done = await act();
        var expected = command switch
        {
            "apply" or "confirm" => RosterImportStatus.Imported,
            "hold" => RosterImportStatus.AwaitingConfirmation,
            _ => RosterImportStatus.Cancelled,
        };
        Assert.Equal(expected, done.Status);
        await AssertMemoryMatchesDatabaseAsync(uai, admin);
    }

    private async Task AssertMemoryMatchesDatabaseAsync(string uai, Caller admin)
    {
        var roster = SchoolKit.Roster(cluster, uai);
        var page = await roster.ListStudents(admin, new StudentQuery(null, StudentLevel.Unspecified, null, true, 500, null));
        var rows = await SqlHelper.RowsAsync(
            cluster.ConnectionString, "SELECT id, ine, last_name, active FROM students WHERE school_uai = @u ORDER BY ine", ("u", uai));
        Assert.Equal(
            rows.Select(r => $"{r[0]} {r[1]} {r[2]} {r[3]}"),
            page.Students.OrderBy(s => s.Ine, StringComparer.Ordinal).Select(s => $"{s.Id} {s.Ine} {s.LastName} {s.Active}"));

        var last = await roster.GetLastImport(admin);
        var stored = await SqlHelper.RowsAsync(
            cluster.ConnectionString,
            "SELECT id, status FROM roster_imports WHERE school_uai = @u ORDER BY created_at DESC, seq DESC LIMIT 1",
            ("u", uai));
        Assert.Equal(stored.Select(r => $"{r[0]} {r[1]}"), last is null ? [] : [$"{last.Id} {StatusName(last.Status)}"]);
    }

    private async Task AssertRosterIsAsync(string uai, (string Ine, string LastName)[] file) =>
        Assert.Equal(
            file.OrderBy(p => p.Ine, StringComparer.Ordinal).Select(p => $"{p.Ine} {p.LastName}"),
            (await SqlHelper.RowsAsync(
                cluster.ConnectionString, "SELECT ine, last_name FROM students WHERE school_uai = @u AND active ORDER BY ine", ("u", uai)))
            .Select(r => $"{r[0]} {r[1]}"));

    private async Task<List<string>> ActiveInesAsync(string uai) =>
        (await SqlHelper.RowsAsync(cluster.ConnectionString, "SELECT ine FROM students WHERE school_uai = @u AND active ORDER BY ine", ("u", uai)))
        .Select(r => (string)r[0]!).ToList();

    private async Task<string> ImportRowsAsync(string uai) => string.Join('\n', (await SqlHelper.RowsAsync(
        cluster.ConnectionString,
        "SELECT id, status, decided_at FROM roster_imports WHERE school_uai = @u ORDER BY seq",
        ("u", uai))).Select(r => $"{r[0]} {r[1]} {r[2]}"));

    private Task<string?> StatusInDatabaseAsync(Guid importId) =>
        SqlHelper.ScalarAsync<string>(cluster.ConnectionString, "SELECT status FROM roster_imports WHERE id = @i", ("i", importId));

    private static string StatusName(RosterImportStatus status) => status switch
    {
        RosterImportStatus.Imported => "IMPORTED",
        RosterImportStatus.ValidationError => "VALIDATION_ERROR",
        RosterImportStatus.AwaitingConfirmation => "AWAITING_CONFIRMATION",
        RosterImportStatus.Cancelled => "CANCELLED",
        RosterImportStatus.Unchanged => "UNCHANGED",
        _ => status.ToString(),
    };
}
