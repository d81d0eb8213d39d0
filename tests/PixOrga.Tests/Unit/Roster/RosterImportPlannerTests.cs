using PixOrga.Grains.Interfaces.Roster;
using PixOrga.Grains.Roster;
using PixOrga.Grains.Roster.Onde;
using static PixOrga.Tests.Unit.Roster.RosterData;

namespace PixOrga.Tests.Unit.Roster;

public sealed class RosterImportPlannerTests
{
    private static readonly Guid Admin = Guid.NewGuid();
    private static readonly Guid OtherAdmin = Guid.NewGuid();
    private static readonly DateTimeOffset Tuesday = Monday.AddDays(1);

    private static RosterStudent[] FivePupils() =>
    [
        Student("A", lastName: "Arnaud"),
        Student("B", lastName: "Blanc"),
        Student("C", lastName: "Colin"),
        Student("D", lastName: "Dubois"),
        Student("E", lastName: "Étienne"),
    ];

    /// <summary>
    /// A school of five active pupils (head version 4, file «old-hash») holding a file that keeps
    /// A, adds F and would deactivate B, C, D and E (80 %).
    /// </summary>
    private static (SchoolRoster Roster, OndeImportSubmission Held, RosterStudent[] Students) HeldRoster()
    {
        var students = FivePupils();
        var roster = RosterOf(new RosterHead(4, "old-hash", null), null, students);
        var held = Valid("new-hash", Same(students[0]), Pupil("F", lastName: "Faure"));
        RosterImportPlanner.Submit(roster, held, Admin, Monday).Adopted(roster);
        return (roster, held, students);
    }

    [Fact]
    public void Submit_FileWithErrors_CommitsOnlyTheValidationErrorRow()
    {
        var (roster, held, _) = HeldRoster();
        var file = WithErrors();

        var step = RosterImportPlanner.Submit(roster, file, Admin, Tuesday);

        Assert.Equal(RosterImportStatus.ValidationError, step.Answer.Status);
        Assert.Equal(file.Errors, step.Answer.Errors);
        var commit = Assert.IsType<RosterCommit>(step.Commit);
        Assert.Equal(file.ImportId, commit.Inserted?.Import.Id);
        Assert.Equal(RosterImportStatus.ValidationError, commit.Inserted?.Import.Status);
        Assert.Empty(commit.Decisions);
        Assert.Empty(commit.Upserts);
        Assert.Empty(commit.Deactivated);
        Assert.Null(commit.NextHead);
        step.Adopted(roster);
        Assert.Equal(held.ImportId, roster.Head.Held?.Import.Id);
    }

    [Fact]
    public void Submit_DryRunWithErrors_NoCommit()
    {
        var roster = RosterOf(FivePupils());

        var step = RosterImportPlanner.Submit(roster, WithErrors(dryRun: true), Admin, Tuesday);

        Assert.Equal(RosterImportStatus.ValidationError, step.Answer.Status);
        Assert.Null(step.Commit);
        Assert.Null(step.ShownAsLast);
    }

    [Fact]
    public void Submit_DryRun_PreviewWithoutCommit()
    {
        var a = Student("A", lastName: "Arnaud");
        var b = Student("B", lastName: "Blanc");
        var c = Student("C", lastName: "Colin");
        var d = Student("D", lastName: "Dubois", active: false);
        var roster = RosterOf(new RosterHead(2, "old-hash", null), null, a, b, c, d);
        var file = DryRun("new-hash", Same(a), Pupil("B", lastName: "Blanc", classLabel: "CM2 B"), Same(d), Pupil("F", lastName: "Faure"));

        var step = RosterImportPlanner.Submit(roster, file, Admin, Tuesday);

        Assert.Equal(RosterImportStatus.Preview, step.Answer.Status);
        Assert.Null(step.Commit);
        Assert.Null(step.ShownAsLast);
        var preview = Assert.IsType<RosterPreview>(step.Answer.Preview);
        Assert.Equal(["F"], preview.Added);
        Assert.Equal(["B"], preview.Updated);
        Assert.Equal(["D"], preview.Reactivated);
        Assert.Equal(["C"], preview.Deactivated);
        Assert.Equal(["A"], preview.Unchanged);
        Assert.Equal(new RosterImportCounts(5, 1, 1, 1, 1, 1, 0), step.Answer.Counts);
        Assert.False(step.Answer.RequiresConfirmation);
    }

    [Fact]
    public void Submit_DryRunDeactivatingMostPupils_PreviewSaysConfirmationRequired()
    {
        var students = FivePupils();
        var roster = RosterOf(students);

        var step = RosterImportPlanner.Submit(roster, DryRun("new-hash", Same(students[0])), Admin, Tuesday);

        Assert.Equal(RosterImportStatus.Preview, step.Answer.Status);
        Assert.True(step.Answer.RequiresConfirmation);
        Assert.Null(step.Commit);
    }

    [Fact]
    public void Submit_SameContentHashAsHead_UnchangedWithoutDiffAndHeldCancelled()
    {
        var (roster, held, students) = HeldRoster();

        // The roster was made from «old-hash»: a file with that hash is not compared again, even
        // with other pupils in it.
        var file = Valid("old-hash", Same(students[0]), Pupil("Z", lastName: "Zola"));
        var step = RosterImportPlanner.Submit(roster, file, OtherAdmin, Tuesday);

        Assert.Equal(RosterImportStatus.Unchanged, step.Answer.Status);
        Assert.Equal(new RosterImportCounts(3, 0, 0, 0, 0, 2, 0), step.Answer.Counts);
        var commit = Assert.IsType<RosterCommit>(step.Commit);
        Assert.Equal(RosterImportStatus.Unchanged, commit.Inserted?.Import.Status);
        Assert.Empty(commit.Upserts);
        Assert.Empty(commit.Deactivated);
        Assert.Equal([new ImportDecision(held.ImportId, RosterImportStatus.Cancelled, OtherAdmin, null)], commit.Decisions);
        Assert.Equal(new RosterHead(5, "old-hash", null), commit.NextHead);
    }

    [Fact]
    public void Submit_OtherHashSamePupils_UnchangedWithNewHash()
    {
        var students = FivePupils();
        var roster = RosterOf(new RosterHead(2, "old-hash", null), null, students);

        var step = RosterImportPlanner.Submit(roster, Valid("new-hash", [.. students.Select(Same)]), Admin, Tuesday);

        Assert.Equal(RosterImportStatus.Unchanged, step.Answer.Status);
        Assert.Equal(5, step.Answer.Counts.Unchanged);
        Assert.Empty(step.Commit!.Upserts);
        Assert.Equal("new-hash", step.Commit.NextHead?.ContentHash);
    }

    [Fact]
    public void Submit_FirstImport_AddsEveryPupilWithNewIds()
    {
        var roster = RosterOf();
        var file = Valid("hash-1", Pupil("A", lastName: "Arnaud"), Pupil("B", lastName: "Blanc", level: OndeLevel.Cm2, classLabel: "CM2 B"));

        var step = RosterImportPlanner.Submit(roster, file, Admin, Tuesday);

        Assert.Equal(RosterImportStatus.Imported, step.Answer.Status);
        Assert.Equal(new RosterImportCounts(3, 2, 0, 0, 0, 0, 0), step.Answer.Counts);
        Assert.Equal(["A", "B"], step.Answer.Preview?.Added);
        var commit = Assert.IsType<RosterCommit>(step.Commit);
        Assert.Equal(0, commit.ExpectedVersion);
        Assert.Equal(["A", "B"], commit.Upserts.Select(s => s.Ine));
        Assert.All(commit.Upserts, s => Assert.NotEqual(Guid.Empty, s.Id));
        Assert.NotEqual(commit.Upserts[0].Id, commit.Upserts[1].Id);
        Assert.All(commit.Upserts, s => Assert.True(s.Active));
        Assert.All(commit.Upserts, s => Assert.Equal(Tuesday, s.UpdatedAt));
        Assert.All(commit.Upserts, s => Assert.Equal(Uai, s.Uai));
        Assert.Equal(StudentLevel.Cm2, commit.Upserts[1].Level);
        Assert.Equal("CM2 B", commit.Upserts[1].ClassLabel);
        Assert.Empty(commit.Deactivated);
        Assert.Empty(commit.Decisions);
        Assert.Equal(new RosterHead(0, "hash-1", null), commit.NextHead);
    }

    [Fact]
    public void Submit_ValidFile_InsertsRowWithFileFactsAndNoPreview()
    {
        var roster = RosterOf();
        var file = Valid("hash-1", Pupil("A"));

        var step = RosterImportPlanner.Submit(roster, file, Admin, Tuesday);

        var inserted = step.Commit?.Inserted;
        Assert.NotNull(inserted);
        Assert.Equal("hash-1", inserted.ContentHash);
        Assert.Equal("UTF-8", inserted.Encoding);
        Assert.Equal("upload-1", inserted.IdempotencyKey);
        Assert.Null(inserted.Import.Preview);
        Assert.Equal(Admin, inserted.Import.CreatedBy);
        Assert.Equal(Tuesday, inserted.Import.CreatedAt);
        Assert.Equal(inserted.Import, step.ShownAsLast);
        Assert.NotNull(step.Answer.Preview);
    }

    [Fact]
    public void Submit_ClockBehindTheLastImport_NotShownAsLast()
    {
        var roster = RosterOf();
        RosterImportPlanner.Submit(roster, Valid("hash-1", Pupil("A")), Admin, Tuesday).Adopted(roster);

        var step = RosterImportPlanner.Submit(roster, Valid("hash-2", Pupil("A"), Pupil("B")), Admin, Monday);

        Assert.NotNull(step.Commit);
        Assert.Null(step.ShownAsLast);
    }

    [Fact]
    public void Submit_ReImport_KnownPupilsKeepTheirIds()
    {
        var a = Student("A", lastName: "Arnaud");
        var b = Student("B", lastName: "Blanc", active: false);
        var c = Student("C", lastName: "Colin");
        var roster = RosterOf(new RosterHead(3, "old-hash", null), null, a, b, c);
        var file = Valid("new-hash", Pupil("A", lastName: "Arnaud", classLabel: "CM2 B"), Same(b), Same(c), Pupil("F", lastName: "Faure"));

        var step = RosterImportPlanner.Submit(roster, file, Admin, Tuesday);

        Assert.Equal(RosterImportStatus.Imported, step.Answer.Status);
        var upserts = step.Commit!.Upserts.ToDictionary(s => s.Ine);
        Assert.Equal(["A", "B", "F"], upserts.Keys.Order());
        Assert.Equal(a.Id, upserts["A"].Id);
        Assert.Equal("CM2 B", upserts["A"].ClassLabel);
        Assert.Equal(b.Id, upserts["B"].Id);
        Assert.True(upserts["B"].Active);
        Assert.DoesNotContain(upserts["F"].Id, new[] { a.Id, b.Id, c.Id });
        Assert.Equal(new RosterHead(3, "new-hash", null), step.Commit.NextHead);
    }

    [Fact]
    public void Submit_DeactivatingExactlySixtyPercent_Applied()
    {
        var students = FivePupils();
        var roster = RosterOf(students);

        var step = RosterImportPlanner.Submit(roster, Valid("new-hash", Same(students[0]), Same(students[1])), Admin, Tuesday);

        Assert.Equal(RosterImportStatus.Imported, step.Answer.Status);
        Assert.Equal(["C", "D", "E"], step.Commit!.Deactivated);
        Assert.Null(step.Commit.NextHead?.Held);
    }

    [Fact]
    public void Submit_DeactivatingMoreThanSixtyPercent_HeldWithoutWritingPupils()
    {
        var students = FivePupils();
        var roster = RosterOf(new RosterHead(4, "old-hash", null), null, students);
        var file = Valid("new-hash", Same(students[0]), Pupil("F", lastName: "Faure"));

        var step = RosterImportPlanner.Submit(roster, file, Admin, Tuesday);

        Assert.Equal(RosterImportStatus.AwaitingConfirmation, step.Answer.Status);
        Assert.True(step.Answer.RequiresConfirmation);
        Assert.Equal(["B", "C", "D", "E"], step.Answer.Preview?.Deactivated);
        var commit = Assert.IsType<RosterCommit>(step.Commit);
        Assert.Equal(RosterImportStatus.AwaitingConfirmation, commit.Inserted?.Import.Status);
        Assert.Empty(commit.Upserts);
        Assert.Empty(commit.Deactivated);
        Assert.Empty(commit.Decisions);
        var head = Assert.IsType<RosterHead>(commit.NextHead);
        Assert.Equal("old-hash", head.ContentHash);
        var held = Assert.IsType<HeldImport>(head.Held);
        Assert.Equal(file.ImportId, held.Import.Id);
        Assert.Null(held.Import.Preview);
        Assert.Equal("new-hash", held.ContentHash);
        Assert.Equal(["A", "F"], held.Pupils.Select(p => p.Ine));

        step.Adopted(roster);
        Assert.Equal(5, roster.ActiveCount);
        Assert.Equal(5, roster.Head.Version);
        Assert.Equal(RosterImportStatus.AwaitingConfirmation, roster.LastImport?.Status);
    }

    [Fact]
    public void Submit_NewValidFileWhileOneIsHeld_CancelsTheHeldOne()
    {
        var (roster, held, students) = HeldRoster();
        var file = Valid("other-hash", [.. students.Select(Same), Pupil("G", lastName: "Garnier")]);

        var step = RosterImportPlanner.Submit(roster, file, OtherAdmin, Tuesday);

        Assert.Equal(RosterImportStatus.Imported, step.Answer.Status);
        Assert.Equal([new ImportDecision(held.ImportId, RosterImportStatus.Cancelled, OtherAdmin, null)], step.Commit!.Decisions);
        Assert.Equal(new RosterHead(5, "other-hash", null), step.Commit.NextHead);
    }

    [Fact]
    public void Submit_NewHeldFileWhileOneIsHeld_ReplacesTheHeldOne()
    {
        var (roster, held, students) = HeldRoster();
        var file = Valid("other-hash", Same(students[4]));

        var step = RosterImportPlanner.Submit(roster, file, OtherAdmin, Tuesday);

        Assert.Equal(RosterImportStatus.AwaitingConfirmation, step.Answer.Status);
        Assert.Equal([new ImportDecision(held.ImportId, RosterImportStatus.Cancelled, OtherAdmin, null)], step.Commit!.Decisions);
        Assert.Equal(file.ImportId, step.Commit.NextHead?.Held?.Import.Id);
        Assert.Equal("old-hash", step.Commit.NextHead?.ContentHash);
    }

    [Fact]
    public void Confirm_HeldImport_AppliesItWithTheDiffCounts()
    {
        var (roster, held, _) = HeldRoster();

        var step = RosterImportPlanner.Confirm(roster, held.ImportId, OtherAdmin, Tuesday);

        Assert.NotNull(step);
        Assert.Equal(RosterImportStatus.Imported, step.Answer.Status);
        Assert.Equal(Tuesday, step.Answer.DecidedAt);
        Assert.Equal(OtherAdmin, step.Answer.DecidedBy);
        Assert.False(step.Answer.RequiresConfirmation);
        Assert.Equal(["B", "C", "D", "E"], step.Answer.Preview?.Deactivated);
        var counts = new RosterImportCounts(3, 1, 0, 0, 4, 1, 0);
        Assert.Equal(counts, step.Answer.Counts);
        var commit = Assert.IsType<RosterCommit>(step.Commit);
        Assert.Null(commit.Inserted);
        Assert.Equal(5, commit.ExpectedVersion);
        Assert.Equal([new ImportDecision(held.ImportId, RosterImportStatus.Imported, OtherAdmin, counts)], commit.Decisions);
        Assert.Equal(["F"], commit.Upserts.Select(s => s.Ine));
        Assert.Equal(["B", "C", "D", "E"], commit.Deactivated);
        Assert.Equal(new RosterHead(5, "new-hash", null), commit.NextHead);
        Assert.Equal(held.ImportId, step.ShownAsLast?.Id);
        Assert.Equal(RosterImportStatus.Imported, step.ShownAsLast?.Status);
        Assert.Null(step.ShownAsLast?.Preview);

        step.Adopted(roster);
        Assert.Equal(["A", "F"], roster.InListOrder.Where(s => s.Active).Select(s => s.Ine));
        Assert.Equal(6, roster.Head.Version);
        Assert.Null(roster.Head.Held);
    }

    [Fact]
    public void Confirm_AnotherImportId_Null()
    {
        var (roster, _, _) = HeldRoster();

        Assert.Null(RosterImportPlanner.Confirm(roster, Guid.NewGuid(), Admin, Tuesday));
    }

    [Fact]
    public void Confirm_NothingHeld_Null()
    {
        var roster = RosterOf();
        var applied = RosterImportPlanner.Submit(roster, Valid("hash-1", Pupil("A")), Admin, Monday).Adopted(roster);

        Assert.Null(RosterImportPlanner.Confirm(roster, applied.Answer.Id, Admin, Tuesday));
    }

    [Fact]
    public void Cancel_HeldImport_DropsItAndKeepsTheRoster()
    {
        var (roster, held, _) = HeldRoster();

        var step = RosterImportPlanner.Cancel(roster, held.ImportId, OtherAdmin, Tuesday);

        Assert.NotNull(step);
        Assert.Equal(RosterImportStatus.Cancelled, step.Answer.Status);
        Assert.Equal(OtherAdmin, step.Answer.DecidedBy);
        Assert.Equal(Tuesday, step.Answer.DecidedAt);
        Assert.False(step.Answer.RequiresConfirmation);
        var commit = Assert.IsType<RosterCommit>(step.Commit);
        Assert.Null(commit.Inserted);
        Assert.Equal([new ImportDecision(held.ImportId, RosterImportStatus.Cancelled, OtherAdmin, null)], commit.Decisions);
        Assert.Empty(commit.Upserts);
        Assert.Empty(commit.Deactivated);
        Assert.Equal(new RosterHead(5, "old-hash", null), commit.NextHead);
        Assert.Equal(RosterImportStatus.Cancelled, step.ShownAsLast?.Status);

        step.Adopted(roster);
        Assert.Equal(5, roster.ActiveCount);
        Assert.Null(roster.Head.Held);
        Assert.Equal("old-hash", roster.Head.ContentHash);
    }

    [Fact]
    public void Cancel_AnotherImportId_Null()
    {
        var (roster, _, _) = HeldRoster();

        Assert.Null(RosterImportPlanner.Cancel(roster, Guid.NewGuid(), Admin, Tuesday));
    }

    [Fact]
    public void WithHeldPreview_LastImportIsTheHeldOne_AddsItsPreview()
    {
        var (roster, held, _) = HeldRoster();

        var last = RosterImportPlanner.WithHeldPreview(roster);

        Assert.Equal(held.ImportId, last?.Id);
        Assert.Equal(["F"], last?.Preview?.Added);
        Assert.Equal(["B", "C", "D", "E"], last?.Preview?.Deactivated);
        Assert.Equal(["A"], last?.Preview?.Unchanged);
    }

    [Fact]
    public void WithHeldPreview_NewerImportThanTheHeldOne_ReturnedAsIs()
    {
        var (roster, held, _) = HeldRoster();
        var failed = RosterImportPlanner.Submit(roster, WithErrors(), Admin, Tuesday).Adopted(roster);

        var last = RosterImportPlanner.WithHeldPreview(roster);

        Assert.Equal(held.ImportId, roster.Head.Held?.Import.Id);
        Assert.Equal(failed.Answer.Id, last?.Id);
        Assert.Null(last?.Preview);
    }

    [Fact]
    public void WithHeldPreview_NothingHeld_LastImportAsIs()
    {
        var roster = RosterOf();
        RosterImportPlanner.Submit(roster, Valid("hash-1", Pupil("A")), Admin, Monday).Adopted(roster);

        var last = RosterImportPlanner.WithHeldPreview(roster);

        Assert.Equal(RosterImportStatus.Imported, last?.Status);
        Assert.Null(last?.Preview);
    }
}
