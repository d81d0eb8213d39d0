using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Roster;
using PixOrga.Grains.Roster;
using static PixOrga.Tests.Unit.Roster.RosterData;

namespace PixOrga.Tests.Unit.Roster;

public sealed class RosterListingTests
{
    private static StudentQuery Query(
        string? classLabel = null,
        StudentLevel level = StudentLevel.Unspecified,
        string? search = null,
        bool includeInactive = false,
        string? after = null,
        int pageSize = 50) =>
        new(classLabel, level, search, includeInactive, pageSize, after);

    private static List<string> Ines(StudentPage page) => page.Students.Select(s => s.Ine).ToList();

    [Fact]
    public void Page_AccentsAndCase_FrenchNameOrder()
    {
        var roster = RosterOf(
            Student("1", lastName: "Zoé"),
            Student("2", lastName: "Émile"),
            Student("3", lastName: "durand"),
            Student("4", lastName: "Eddy"),
            Student("5", lastName: "ÉTIENNE"));

        var page = RosterListing.Page(roster, Query());

        // Ordinal order would put «durand» after «Zoé» and both «É» names last.
        Assert.Equal(["3", "4", "2", "5", "1"], Ines(page));
    }

    [Fact]
    public void Page_SameLastName_ByFirstNameThenIne()
    {
        var roster = RosterOf(
            Student("B2", lastName: "Martin", firstName: "Zoé"),
            Student("A9", lastName: "MARTIN", firstName: "Léa"),
            Student("A1", lastName: "martin", firstName: "léa"),
            Student("C1", lastName: "Martin", firstName: "Émile"));

        var page = RosterListing.Page(roster, Query());

        Assert.Equal(["C1", "A1", "A9", "B2"], Ines(page));
    }

    [Fact]
    public void Page_ClassLabel_OnlyThatClassTrimmed()
    {
        var roster = RosterOf(
            Student("1", classLabel: "CM1 A"),
            Student("2", classLabel: "CM2 B"),
            Student("3", classLabel: "CM2 B"),
            Student("4", classLabel: "CM2 BIS"));

        var page = RosterListing.Page(roster, Query(classLabel: "  CM2 B "));

        Assert.Equal(["2", "3"], Ines(page));
    }

    [Fact]
    public void Page_Level_OnlyThatLevel()
    {
        var roster = RosterOf(
            Student("1", level: StudentLevel.Cm1),
            Student("2", level: StudentLevel.Cm2),
            Student("3", level: StudentLevel.Cm1));

        var cm2 = RosterListing.Page(roster, Query(level: StudentLevel.Cm2));
        var all = RosterListing.Page(roster, Query(level: StudentLevel.Unspecified));

        Assert.Equal(["2"], Ines(cm2));
        Assert.Equal(["1", "2", "3"], Ines(all));
    }

    [Theory]
    [InlineData("DUR", "0000000001A")]
    [InlineData("  dur  ", "0000000001A")]
    [InlineData("émi", "0000000002B")]
    [InlineData("ÉMILE", "0000000002B")]
    [InlineData("02b", "0000000002B")]
    [InlineData("01a", "0000000001A")]
    public void Page_Search_LastNameFirstNameOrIneIgnoringCase(string search, string expectedIne)
    {
        var roster = RosterOf(
            Student("0000000001A", lastName: "Durand", firstName: "Paul"),
            Student("0000000002B", lastName: "Bernard", firstName: "Émile"),
            Student("0000000003C", lastName: "Petit", firstName: "Zoé"));

        var page = RosterListing.Page(roster, Query(search: search));

        Assert.Equal([expectedIne], Ines(page));
    }

    [Theory]
    [InlineData("_", "1")]
    [InlineData("e_g", "1")]
    [InlineData("%", "3")]
    [InlineData("100%", "3")]
    public void Page_SearchWithLikeWildcards_TakenLiterally(string search, string expectedIne)
    {
        var roster = RosterOf(
            Student("1", lastName: "Le_Gall"),
            Student("2", lastName: "Legall"),
            Student("3", lastName: "Cent", firstName: "100%"),
            Student("4", lastName: "Lebon"));

        var page = RosterListing.Page(roster, Query(search: search));

        Assert.Equal([expectedIne], Ines(page));
    }

    [Fact]
    public void Page_InactivePupils_OnlyWithIncludeInactive()
    {
        var roster = RosterOf(
            Student("1", lastName: "Arnaud"),
            Student("2", lastName: "Blanc", active: false),
            Student("3", lastName: "Colin"));

        var activeOnly = RosterListing.Page(roster, Query());
        var withInactive = RosterListing.Page(roster, Query(includeInactive: true));

        Assert.Equal(["1", "3"], Ines(activeOnly));
        Assert.Equal(["1", "2", "3"], Ines(withInactive));
        Assert.False(withInactive.Students[1].Active);
    }

    [Fact]
    public void Page_FollowingNextAfter_ListsEveryPupilOnceInOrder()
    {
        var roster = RosterOf(
            Student("1", lastName: "Étienne"),
            Student("2", lastName: "Colin"),
            Student("3", lastName: "Arnaud"),
            Student("4", lastName: "Dubois"),
            Student("5", lastName: "Blanc"));

        var first = RosterListing.Page(roster, Query(pageSize: 2));
        var second = RosterListing.Page(roster, Query(after: first.NextAfter, pageSize: 2));
        var third = RosterListing.Page(roster, Query(after: second.NextAfter, pageSize: 2));

        Assert.Equal(["Arnaud", "Blanc"], first.Students.Select(s => s.LastName));
        Assert.Equal(["Colin", "Dubois"], second.Students.Select(s => s.LastName));
        Assert.Equal(["Étienne"], third.Students.Select(s => s.LastName));
        Assert.Null(third.NextAfter);
    }

    [Fact]
    public void Page_NextAfter_IsTheLastPupilIdWithoutPersonalData()
    {
        var blanc = Student("0123456789AB", lastName: "Blanc", firstName: "Zoé");
        var roster = RosterOf(Student("1", lastName: "Arnaud"), blanc, Student("3", lastName: "Colin"));

        var page = RosterListing.Page(roster, Query(pageSize: 2));

        Assert.Equal(blanc.Id.ToString("N"), page.NextAfter);
        Assert.DoesNotContain("Blanc", page.NextAfter, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Zoé", page.NextAfter, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("0123456789AB", page.NextAfter, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Page_PageSizeBelowOne_OnePupilPerPage(int pageSize)
    {
        var roster = RosterOf(Student("1", lastName: "Arnaud"), Student("2", lastName: "Blanc"));

        var first = RosterListing.Page(roster, Query(pageSize: pageSize));
        var second = RosterListing.Page(roster, Query(after: first.NextAfter, pageSize: pageSize));

        Assert.Equal(["1"], Ines(first));
        Assert.Equal(["2"], Ines(second));
        Assert.Null(second.NextAfter);
    }

    [Fact]
    public void Page_LastMatchingPupilFillsThePage_NoNextAfter()
    {
        var roster = RosterOf(
            Student("1", lastName: "Arnaud", classLabel: "CM1 A"),
            Student("2", lastName: "Blanc", classLabel: "CM1 A"),
            Student("3", lastName: "Colin", classLabel: "CM2 B"));

        var page = RosterListing.Page(roster, Query(classLabel: "CM1 A", pageSize: 2));

        Assert.Equal(["1", "2"], Ines(page));
        Assert.Null(page.NextAfter);
    }

    [Fact]
    public void Page_FiltersAcrossPages_NextPageKeepsFiltering()
    {
        var roster = RosterOf(
            Student("1", lastName: "Arnaud", level: StudentLevel.Cm2),
            Student("2", lastName: "Blanc", level: StudentLevel.Cm1),
            Student("3", lastName: "Colin", level: StudentLevel.Cm2),
            Student("4", lastName: "Dubois", level: StudentLevel.Cm1),
            Student("5", lastName: "Faure", level: StudentLevel.Cm2));

        var first = RosterListing.Page(roster, Query(level: StudentLevel.Cm2, pageSize: 2));
        var second = RosterListing.Page(roster, Query(level: StudentLevel.Cm2, after: first.NextAfter, pageSize: 2));

        Assert.Equal(["1", "3"], Ines(first));
        Assert.Equal(["5"], Ines(second));
        Assert.Null(second.NextAfter);
    }

    public static TheoryData<string> BadTokens()
    {
        var known = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        return new TheoryData<string>
        {
            Guid.NewGuid().ToString("N"),
            "not-a-token",
            "Martin",
            known.ToString("D"),
            known.ToString("N") + "0",
        };
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public void Page_UnknownOrMalformedToken_InvalidPageToken(string token)
    {
        var known = Student("1") with { Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e") };
        var roster = RosterOf(known, Student("2"));

        var error = Assert.Throws<DomainException>(() => RosterListing.Page(roster, Query(after: token)));

        Assert.Equal("INVALID_PAGE_TOKEN", error.Errors[0].Code);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void Page_PupilOfTokenDeactivated_NextPageStartsAfterThem()
    {
        var blanc = Student("2", lastName: "Blanc");
        var roster = RosterOf(Student("1", lastName: "Arnaud"), blanc, Student("3", lastName: "Colin"), Student("4", lastName: "Dubois"));
        var first = RosterListing.Page(roster, Query(pageSize: 2));
        roster.Adopt(new RosterCommit(Uai, Monday.AddDays(1), 1, null, [], [], [blanc.Ine], new RosterHead(1, "h", null)), null);

        var second = RosterListing.Page(roster, Query(after: first.NextAfter, pageSize: 2));

        Assert.Equal(blanc.Id.ToString("N"), first.NextAfter);
        Assert.Equal(["3", "4"], Ines(second));
    }

    [Fact]
    public void Page_PupilOfTokenRenamed_NextPageStartsAfterThemInTheNewOrder()
    {
        var blanc = Student("2", lastName: "Blanc");
        var roster = RosterOf(Student("1", lastName: "Arnaud"), blanc, Student("3", lastName: "Colin"), Student("4", lastName: "Dubois"));
        var first = RosterListing.Page(roster, Query(pageSize: 2));
        roster.Adopt(new RosterCommit(Uai, Monday.AddDays(1), 1, null, [], [blanc with { LastName = "Comte" }], [], new RosterHead(1, "h", null)), null);

        var second = RosterListing.Page(roster, Query(after: first.NextAfter, pageSize: 2));

        Assert.Equal(["4"], Ines(second));
    }

    [Fact]
    public void Classes_ActivePupils_CountedPerClassWithDistinctOrderedLevels()
    {
        var roster = RosterOf(
            Student("1", classLabel: "CM2 B", level: StudentLevel.Cm2),
            Student("2", classLabel: "CM1-CM2", level: StudentLevel.Cm2),
            Student("3", classLabel: "CM1-CM2", level: StudentLevel.Cm1),
            Student("4", classLabel: "CM1-CM2", level: StudentLevel.Cm2),
            Student("5", classLabel: "CM2 B", level: StudentLevel.Cm2, active: false),
            Student("6", classLabel: "CM1 A", level: StudentLevel.Cm1, active: false));

        var classes = RosterListing.Classes(roster);

        Assert.Equal(["CM1-CM2", "CM2 B"], classes.Select(c => c.Label));
        Assert.Equal(3, classes[0].StudentCount);
        Assert.Equal([StudentLevel.Cm1, StudentLevel.Cm2], classes[0].Levels);
        Assert.Equal(1, classes[1].StudentCount);
        Assert.Equal([StudentLevel.Cm2], classes[1].Levels);
    }

    [Fact]
    public void Classes_EmptyRoster_None()
    {
        Assert.Empty(RosterListing.Classes(RosterOf()));
    }
}
