using PixOrga.Grains.Interfaces.Roster;
using PixOrga.Grains.Roster;
using static PixOrga.Tests.Unit.Roster.RosterData;

namespace PixOrga.Tests.Unit.Roster;

public sealed class SchoolRosterTests
{
    private static readonly DateTimeOffset Later = Monday.AddHours(3);

    private static RosterCommit Commit(
        long expectedVersion = 7,
        IReadOnlyList<RosterStudent>? upserts = null,
        IReadOnlyList<string>? deactivated = null,
        RosterHead? nextHead = null) =>
        new(Uai, Later, expectedVersion, null, [], upserts ?? [], deactivated ?? [], nextHead);

    private static RosterImport Import(RosterImportStatus status) =>
        new(Guid.NewGuid(), Uai, status, Monday, Guid.NewGuid(), "CSVExtraction.csv",
            new RosterImportCounts(1, 0, 0, 0, 0, 0, 0), [], null, null, null, false, false);

    [Fact]
    public void Constructor_Snapshot_KeepsHeadLastImportAndPupils()
    {
        var head = new RosterHead(3, "hash", null);
        var last = Import(RosterImportStatus.Imported);

        var roster = RosterOf(head, last, Student("1"), Student("2", active: false));

        Assert.Equal(head, roster.Head);
        Assert.Equal(last, roster.LastImport);
        Assert.Equal(1, roster.ActiveCount);
        Assert.Equal(2, roster.InListOrder.Count);
    }

    [Fact]
    public void Adopt_NextHead_VersionIsExpectedVersionPlusOne()
    {
        var roster = RosterOf(new RosterHead(7, "old", null), null);

        roster.Adopt(Commit(expectedVersion: 7, nextHead: new RosterHead(0, "new", null)), null);

        Assert.Equal(new RosterHead(8, "new", null), roster.Head);
    }

    [Fact]
    public void Adopt_NoNextHead_HeadUnchanged()
    {
        var head = new RosterHead(7, "old", null);
        var roster = RosterOf(head, null);

        roster.Adopt(Commit(expectedVersion: 7), null);

        Assert.Equal(head, roster.Head);
    }

    [Fact]
    public void Adopt_Deactivated_InactiveAtCommitTime()
    {
        var leaving = Student("1", lastName: "Arnaud");
        var staying = Student("2", lastName: "Blanc");
        var roster = RosterOf(leaving, staying);

        roster.Adopt(Commit(deactivated: ["1"], nextHead: RosterHead.Empty), null);

        var adopted = roster.ByIne("1");
        Assert.False(adopted.Active);
        Assert.Equal(Later, adopted.UpdatedAt);
        Assert.Equal(leaving.Id, adopted.Id);
        Assert.Equal(staying, roster.ByIne("2"));
        Assert.Equal(1, roster.ActiveCount);
    }

    [Fact]
    public void Adopt_Upserts_ReplaceKnownPupilsAndAddNewOnes()
    {
        var known = Student("1", lastName: "Arnaud", active: false);
        var roster = RosterOf(known);
        var returning = known with { ClassLabel = "CM2 B", Level = StudentLevel.Cm2, Active = true, UpdatedAt = Later };
        var newcomer = Student("2", lastName: "Blanc") with { UpdatedAt = Later };

        roster.Adopt(Commit(upserts: [returning, newcomer], nextHead: RosterHead.Empty), null);

        Assert.Equal([returning, newcomer], roster.InListOrder);
        Assert.Equal(2, roster.ActiveCount);
    }

    [Fact]
    public void Adopt_AfterTheListWasRead_ListShowsTheChange()
    {
        var roster = RosterOf(Student("1", lastName: "Blanc"), Student("2", lastName: "Colin"));
        Assert.Equal(["1", "2"], roster.InListOrder.Select(s => s.Ine));

        roster.Adopt(Commit(upserts: [Student("3", lastName: "Arnaud")], deactivated: ["2"], nextHead: RosterHead.Empty), null);

        Assert.Equal(["3", "1", "2"], roster.InListOrder.Select(s => s.Ine));
        Assert.False(roster.InListOrder[2].Active);
    }

    [Fact]
    public void Adopt_WithoutShownAsLast_LastImportUnchanged()
    {
        var last = Import(RosterImportStatus.Imported);
        var roster = RosterOf(RosterHead.Empty, last);

        roster.Adopt(Commit(nextHead: RosterHead.Empty), null);

        Assert.Same(last, roster.LastImport);
    }

    [Fact]
    public void Adopt_WithShownAsLast_LastImportReplaced()
    {
        var roster = RosterOf(RosterHead.Empty, Import(RosterImportStatus.Imported));
        var shown = Import(RosterImportStatus.ValidationError);

        roster.Adopt(Commit(), shown);

        Assert.Same(shown, roster.LastImport);
    }

    [Fact]
    public void Upserts_Diff_KnownPupilsKeepIdsNewOnesGetDistinctIds()
    {
        var known = Student("1", lastName: "Arnaud");
        var roster = RosterOf(known);
        var diff = roster.Diff([Pupil("1", lastName: "Arnaud", classLabel: "CM2 B").ToOnde(), Pupil("2").ToOnde(), Pupil("3").ToOnde()]);

        var rows = roster.Upserts(diff, Later);

        Assert.Equal(["1", "2", "3"], rows.Select(r => r.Ine));
        Assert.Equal(known.Id, rows[0].Id);
        Assert.Equal("CM2 B", rows[0].ClassLabel);
        Assert.Equal(3, rows.Select(r => r.Id).Distinct().Count());
        Assert.DoesNotContain(Guid.Empty, rows.Select(r => r.Id));
    }

    [Fact]
    public void Diff_SamePupilsAsStored_Unchanged()
    {
        var students = new[] { Student("1", level: StudentLevel.Cm1), Student("2", level: StudentLevel.Cm2, classLabel: "CM2 B") };
        var roster = RosterOf(students);

        var diff = roster.Diff(students.Select(s => Same(s).ToOnde()));

        Assert.Equal(["1", "2"], diff.Unchanged);
        Assert.Empty(diff.Upserts);
    }
}
