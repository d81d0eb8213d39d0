using System.Text;
using Grpc.Core;
using PixOrga.Contracts.V1;
using PixOrga.Tests.Infrastructure;
using static PixOrga.Tests.Unit.Roster.OndeFile;

namespace PixOrga.Tests.EndToEnd.Students;

[Collection(EndToEndCollection.Name)]
public sealed class ImportOndeTests(PixOrgaApp app)
{
    private readonly StudentsClient students = new(app);

    private static byte[] File(params string[] rows) => StudentsClient.Utf8(Lines([Header, .. rows]));

    private static string[] Pupils(string prefix, int count, string classLabel = "CM1 A") =>
        Enumerable.Range(1, count).Select(i => Row(lastName: $"Nom{i}", ine: $"{prefix}{i:000}", classLabel: classLabel)).ToArray();

    [Fact]
    public async Task ImportOnde_AwkwardChunkBoundaries_SameRosterAsOneChunk()
    {
        var text = Lines(
            Header,
            Row(lastName: "Chloé", firstName: "Zoë", ine: "AWK001"),
            Row(lastName: "\"Dupont; Durand\"", firstName: "\"Jean \"\"Jo\"\"\"", ine: "AWK002"),
            Row(lastName: "L’Hôte", firstName: "Œdipe", ine: "AWK003", level: "CM2", classLabel: "CM2 B"));
        var file = Encoding.UTF8.GetBytes(text);
        var insideMultiByte = Array.IndexOf(file, (byte)0xC3) + 1;
        var insideQuotes = Encoding.UTF8.GetByteCount(text[..(text.IndexOf("Dupont;", StringComparison.Ordinal) + 7)]);
        var whole = await SchoolWithImportAsync(file, null);
        var oneByte = await SchoolWithImportAsync(file, Enumerable.Repeat(1, file.Length));
        var cut = await SchoolWithImportAsync(file, [insideMultiByte, insideQuotes - insideMultiByte]);

        var expected = new Dictionary<string, (string, string, string, bool)>
        {
            ["AWK001"] = ("Chloé", "Zoë", "CM1 A", true),
            ["AWK002"] = ("Dupont; Durand", "Jean \"Jo\"", "CM1 A", true),
            ["AWK003"] = ("L’Hôte", "Œdipe", "CM2 B", true),
        };
        foreach (var (uai, import) in new[] { whole, oneByte, cut })
        {
            Assert.Equal(ImportStatus.Imported, import.Status);
            Assert.Equal(3, import.Counts.Added);
            Assert.Equal(expected, await students.RowsAsync(uai));
        }
    }

    [Fact]
    public async Task ImportOnde_ReImport_AddsUpdatesReactivatesAndDeactivates()
    {
        var (uai, _, token) = await SchoolAdmins.CreateAsync(app);
        var admin = PixOrgaApp.Bearer(token);
        var a = Row(lastName: "Martin", ine: "RE001");
        var b = Row(lastName: "Bernard", ine: "RE002");
        var c = Row(lastName: "Colin", ine: "RE003");
        var d = Row(lastName: "Durand", ine: "RE004");
        var e = Row(lastName: "Petit", ine: "RE005");
        await students.UploadAsync(admin, uai, File(a, b, c, d, e));
        await students.UploadAsync(admin, uai, File(a, b, c, d));
        var idsBefore = await students.IdsAsync(uai);

        var import = await students.UploadAsync(admin, uai, File(
            Row(lastName: "Martin-Roux", ine: "RE001", classLabel: "CM2 A", level: "CM2"), b, c, e, Row(lastName: "Nouveau", ine: "RE006")));

        Assert.Equal(ImportStatus.Imported, import.Status);
        Assert.Equal((1, 1, 1, 1, 2, 5), (import.Counts.Added, import.Counts.Updated, import.Counts.Reactivated,
            import.Counts.Deactivated, import.Counts.Unchanged, import.Counts.LineCount));
        Assert.Equal(["RE006"], import.Preview.AddedInes);
        Assert.Equal(["RE001"], import.Preview.UpdatedInes);
        Assert.Equal(["RE005"], import.Preview.ReactivatedInes);
        Assert.Equal(["RE004"], import.Preview.DeactivatedInes);
        var rows = await students.RowsAsync(uai);
        Assert.Equal(("Martin-Roux", "CM2 A", true), (rows["RE001"].LastName, rows["RE001"].ClassLabel, rows["RE001"].Active));
        Assert.False(rows["RE004"].Active);
        Assert.True(rows["RE005"].Active);
        Assert.True(rows["RE006"].Active);
        var idsAfter = await students.IdsAsync(uai);
        Assert.All(idsBefore, pair => Assert.Equal(pair.Value, idsAfter[pair.Key]));
        Assert.Equal(["IMPORTED", "IMPORTED", "IMPORTED"], await students.HistoryStatusesAsync(uai));
    }

    [Fact]
    public async Task ImportOnde_DryRun_ReturnsPreviewAndChangesNothing()
    {
        var (uai, _, token) = await SchoolAdmins.CreateAsync(app);
        var admin = PixOrgaApp.Bearer(token);
        await students.UploadAsync(admin, uai, File(Pupils("DRY", 3)));
        var before = await students.RowsAsync(uai);

        var preview = await students.UploadAsync(admin, uai, File(Row(lastName: "Autre", ine: "DRY001"), Row(ine: "DRY009")), dryRun: true);

        Assert.Equal(ImportStatus.Preview, preview.Status);
        Assert.Equal(["DRY009"], preview.Preview.AddedInes);
        Assert.Equal(["DRY001"], preview.Preview.UpdatedInes);
        Assert.Equal(["DRY002", "DRY003"], preview.Preview.DeactivatedInes);
        Assert.True(preview.RequiresConfirmation);
        Assert.Equal(before, await students.RowsAsync(uai));
        Assert.Equal(["IMPORTED"], await students.HistoryStatusesAsync(uai));
    }

    [Fact]
    public async Task ImportOnde_DeactivatesMostPupils_HeldUntilConfirmed()
    {
        var (uai, _, token) = await SchoolAdmins.CreateAsync(app);
        var admin = PixOrgaApp.Bearer(token);
        await students.UploadAsync(admin, uai, File([.. Pupils("HLD", 3), .. Pupils("HLB", 7, "CM2 B")]));
        var before = await students.RowsAsync(uai);

        var held = await students.UploadAsync(admin, uai, File(Pupils("HLD", 3)));

        Assert.Equal(ImportStatus.AwaitingConfirmation, held.Status);
        Assert.True(held.RequiresConfirmation);
        Assert.Equal(7, held.Counts.Deactivated);
        Assert.Equal(before, await students.RowsAsync(uai));
        var last = (await students.Rpc.GetLastImportAsync(new GetLastImportRequest { Uai = uai }, admin)).Import;
        Assert.Equal((held.Id, ImportStatus.AwaitingConfirmation), (last.Id, last.Status));
        Assert.Equal(7, last.Preview.DeactivatedInes.Count);

        var confirmed = (await students.Rpc.ConfirmImportAsync(new ConfirmImportRequest { Uai = uai, ImportId = held.Id }, admin)).Import;

        Assert.Equal(ImportStatus.Imported, confirmed.Status);
        Assert.Equal(7, confirmed.Counts.Deactivated);
        Assert.NotNull(confirmed.DecideTime);
        var rows = await students.RowsAsync(uai);
        Assert.Equal(3, rows.Values.Count(r => r.Active));
        Assert.All(rows.Where(r => r.Key.StartsWith("HLB", StringComparison.Ordinal)), r => Assert.False(r.Value.Active));
        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            () => students.Rpc.ConfirmImportAsync(new ConfirmImportRequest { Uai = uai, ImportId = held.Id }, admin),
            reason: "IMPORT_NOT_AWAITING_CONFIRMATION",
            message: "Cet import n’attend pas de confirmation.");
    }

    [Fact]
    public async Task ImportOnde_DeactivatesExactlySixtyPercent_AppliedWithoutHold()
    {
        var (uai, _, token) = await SchoolAdmins.CreateAsync(app);
        var admin = PixOrgaApp.Bearer(token);
        await students.UploadAsync(admin, uai, File(Pupils("SIX", 5)));

        var import = await students.UploadAsync(admin, uai, File(Pupils("SIX", 2)));

        Assert.Equal((ImportStatus.Imported, 3), (import.Status, import.Counts.Deactivated));
    }

    [Fact]
    public async Task ImportOnde_HeaderOnlyFileHeldThenCancelled_ChangesNothing()
    {
        var (uai, _, token) = await SchoolAdmins.CreateAsync(app);
        var admin = PixOrgaApp.Bearer(token);
        await students.UploadAsync(admin, uai, File(Pupils("CAN", 3)));
        var before = await students.RowsAsync(uai);
        var held = await students.UploadAsync(admin, uai, File());
        Assert.Equal(ImportStatus.AwaitingConfirmation, held.Status);

        var cancelled = (await students.Rpc.CancelImportAsync(new CancelImportRequest { Uai = uai, ImportId = held.Id }, admin)).Import;

        Assert.Equal(ImportStatus.Cancelled, cancelled.Status);
        Assert.Equal(before, await students.RowsAsync(uai));
        Assert.Equal(["IMPORTED", "CANCELLED"], await students.HistoryStatusesAsync(uai));
        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            () => students.Rpc.ConfirmImportAsync(new ConfirmImportRequest { Uai = uai, ImportId = held.Id }, admin),
            reason: "IMPORT_NOT_AWAITING_CONFIRMATION");
        await RpcAssert.FailsAsync(
            StatusCode.NotFound,
            () => students.Rpc.CancelImportAsync(new CancelImportRequest { Uai = uai, ImportId = Guid.NewGuid().ToString() }, admin),
            reason: "IMPORT_NOT_FOUND",
            message: "Cet import est introuvable.");
    }

    [Fact]
    public async Task ImportOnde_NewUploadWhileHeld_ReplacesTheHeldImport()
    {
        var (uai, _, token) = await SchoolAdmins.CreateAsync(app);
        var admin = PixOrgaApp.Bearer(token);
        await students.UploadAsync(admin, uai, File(Pupils("SUP", 5)));
        var held = await students.UploadAsync(admin, uai, File(Pupils("SUP", 1)));

        var next = await students.UploadAsync(admin, uai, File([.. Pupils("SUP", 5), Row(ine: "SUP999")]));

        Assert.Equal(ImportStatus.Imported, next.Status);
        Assert.Equal(["IMPORTED", "CANCELLED", "IMPORTED"], await students.HistoryStatusesAsync(uai));
        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            () => students.Rpc.ConfirmImportAsync(new ConfirmImportRequest { Uai = uai, ImportId = held.Id }, admin),
            reason: "IMPORT_NOT_AWAITING_CONFIRMATION");
    }

    [Fact]
    public async Task ImportOnde_FirstImport_NeverHeld()
    {
        var (uai, _, token) = await SchoolAdmins.CreateAsync(app);

        var import = await students.UploadAsync(PixOrgaApp.Bearer(token), uai, File(Pupils("FST", 2)));

        Assert.Equal(ImportStatus.Imported, import.Status);
        Assert.False(import.RequiresConfirmation);
    }

    [Fact]
    public async Task ImportOnde_SameFileTwice_SecondIsUnchanged()
    {
        var (uai, _, token) = await SchoolAdmins.CreateAsync(app);
        var admin = PixOrgaApp.Bearer(token);
        var file = File(Pupils("TWC", 3));
        await students.UploadAsync(admin, uai, file);
        var updatedAt = await UpdatedAtAsync(uai);

        var again = await students.UploadAsync(admin, uai, file, chunkSizes: [5, 5]);

        Assert.Equal(ImportStatus.Unchanged, again.Status);
        Assert.Equal((0, 0, 0, 0, 3), (again.Counts.Added, again.Counts.Updated, again.Counts.Reactivated, again.Counts.Deactivated, again.Counts.Unchanged));
        Assert.Equal(updatedAt, await UpdatedAtAsync(uai));
        Assert.Equal(["IMPORTED", "UNCHANGED"], await students.HistoryStatusesAsync(uai));
    }

    [Fact]
    public async Task ImportOnde_FileWithErrors_ListedInTheAnswerAndHistoryAndNothingChanges()
    {
        var (uai, userId, token) = await SchoolAdmins.CreateAsync(app);
        var admin = PixOrgaApp.Bearer(token);
        await students.UploadAsync(admin, uai, File(Pupils("ERR", 2)));
        var before = await students.RowsAsync(uai);

        var import = await students.UploadAsync(admin, uai, File(Row(ine: "ERR001"), Row(ine: "", level: "CE2")), fileName: "eleves.csv");

        Assert.Equal(ImportStatus.ValidationError, import.Status);
        Assert.Equal(
            [(3, "INE", "FIELD_REQUIRED", "Ligne 3 : Le champ “INE” est obligatoire."),
             (3, "Niveau", "FIELD_BAD_VALUES", "Ligne 3 : Le champ “Niveau” doit être “CM1 ou CM2”.")],
            import.Errors.Select(e => (e.Line, e.Column, e.Reason, e.Message)));
        Assert.Equal(before, await students.RowsAsync(uai));
        var last = (await students.Rpc.GetLastImportAsync(new GetLastImportRequest { Uai = uai }, admin)).Import;
        Assert.Equal((import.Id, ImportStatus.ValidationError, "eleves.csv", userId.ToString(), 2), (last.Id, last.Status, last.FileName, last.CreatedBy, last.Errors.Count));
        Assert.Equal(import.Errors, last.Errors);
    }

    [Fact]
    public async Task ImportOnde_NotCsv_BadCsvFormatWithoutLine()
    {
        var (uai, _, token) = await SchoolAdmins.CreateAsync(app);

        var import = await students.UploadAsync(PixOrgaApp.Bearer(token), uai, [0x00, 0x01, 0x02, 0xFF]);

        Assert.Equal(ImportStatus.ValidationError, import.Status);
        var error = Assert.Single(import.Errors);
        Assert.Equal((0, "BAD_CSV_FORMAT", "Le fichier doit être au format csv avec séparateur virgule ou point-virgule."), (error.Line, error.Reason, error.Message));
    }

    [Fact]
    public async Task ImportOnde_RetriedWithSameIdempotencyKey_AnswersTheFirstImport()
    {
        var (uai, _, token) = await SchoolAdmins.CreateAsync(app);
        var admin = PixOrgaApp.Bearer(token);
        var first = await students.UploadAsync(admin, uai, File(Pupils("IDM", 2)), idempotencyKey: "upload-1");

        var retry = await students.UploadAsync(admin, uai, File(Pupils("IDM", 3)), idempotencyKey: "upload-1");

        Assert.Equal(first.Id, retry.Id);
        Assert.True(retry.Replayed);
        Assert.Equal(2, retry.Counts.Added);
        Assert.Equal(2, (await students.RowsAsync(uai)).Count);
        Assert.Equal(["IMPORTED"], await students.HistoryStatusesAsync(uai));
    }

    [Fact]
    public async Task ImportOnde_TwoUploadsAtOnceForOneSchool_AppliedOneAfterTheOther()
    {
        var (uai, _, token) = await SchoolAdmins.CreateAsync(app);
        var admin = PixOrgaApp.Bearer(token);
        var fileA = File([.. Pupils("CON", 10)]);
        var fileB = File([.. Pupils("CON", 8).Select(r => r.Replace("Léa", "Léo", StringComparison.Ordinal)), Row(ine: "CON011"), Row(ine: "CON012")]);

        var imports = await Task.WhenAll(
            students.UploadAsync(admin, uai, fileA, chunkSizes: Enumerable.Repeat(16, 100)),
            students.UploadAsync(admin, uai, fileB, chunkSizes: Enumerable.Repeat(16, 100)));

        Assert.All(imports, i => Assert.Equal(ImportStatus.Imported, i.Status));
        var history = (await students.Rpc.ListImportsAsync(new ListImportsRequest { Uai = uai }, admin)).Imports;
        var (latest, earliest) = (history[0], history[1]);
        Assert.Equal(10, earliest.Counts.Added);
        Assert.Equal(2, latest.Counts.Added);
        Assert.Equal(2, latest.Counts.Deactivated);
        Assert.Equal(8, latest.Counts.Updated);
        var latestFile = latest.Id == imports[0].Id ? fileA : fileB;
        var expectedActive = Encoding.UTF8.GetString(latestFile).Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(';')[2]).Order();
        Assert.Equal(expectedActive, (await students.RowsAsync(uai)).Where(r => r.Value.Active).Select(r => r.Key).Order());
    }

    [Fact]
    public async Task ImportOnde_TwentySchoolsAtOnce_EachRosterApplied()
    {
        var schools = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => SchoolAdmins.CreateAsync(app)));

        var imports = await Task.WhenAll(schools.Select((school, i) =>
            students.UploadAsync(PixOrgaApp.Bearer(school.AccessToken), school.Uai, File(Pupils($"M{i:00}", 30 + i)), chunkSizes: Enumerable.Repeat(100, 1000))));

        for (var i = 0; i < schools.Length; i++)
        {
            Assert.Equal((ImportStatus.Imported, 30 + i), (imports[i].Status, imports[i].Counts.Added));
            Assert.Equal(30 + i, (await students.RowsAsync(schools[i].Uai)).Count);
        }
    }

    private async Task<(string Uai, RosterImport Import)> SchoolWithImportAsync(byte[] file, IEnumerable<int>? chunkSizes)
    {
        var (uai, _, token) = await SchoolAdmins.CreateAsync(app);
        return (uai, await students.UploadAsync(PixOrgaApp.Bearer(token), uai, file, chunkSizes));
    }

    private async Task<DateTime> UpdatedAtAsync(string uai) =>
        (await Database.SqlHelper.ScalarAsync<DateTime>(app.ConnectionString, "SELECT max(updated_at) FROM students WHERE school_uai = @uai", ("uai", uai)));
}
