using PixOrga.Grains.Interfaces.Accounts;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Schools;
using PixOrga.Grains.Interfaces.Team;
using PixOrga.Grains.Schools;
using PixOrga.Grains.Team;

namespace PixOrga.Tests.Unit.Team;

public sealed class MemberListingTests
{
    private static readonly DateTimeOffset January = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    private static (MemberRecord Member, UserProfile? Profile) Member(string firstName, string lastName, Guid? userId = null)
    {
        var id = userId ?? Guid.NewGuid();
        return (new MemberRecord { UserId = id, Role = SchoolRole.Member, JoinedAt = January },
            new UserProfile(id, firstName, lastName, $"{id:N}@ecole.fr"));
    }

    private static List<string> Names(MemberPage page) =>
        page.Members.Select(m => $"{m.FirstName} {m.LastName}").ToList();

    [Fact]
    public void Page_Members_FrenchOrderByLastNameThenFirstName()
    {
        var members = new[]
        {
            Member("Zoé", "Martin"),
            Member("Bob", "Zola"),
            Member("Alice", "Émond"),
            Member("Émile", "martin"),
            Member("Paul", "durand"),
        };

        var page = MemberListing.Page(members, 10, null);

        Assert.Equal(["Paul durand", "Alice Émond", "Émile martin", "Zoé Martin", "Bob Zola"], Names(page));
        Assert.Null(page.NextAfter);
    }

    [Fact]
    public void Page_Namesakes_OrderedByUserId()
    {
        var low = Guid.Parse("00000000-0000-0000-0000-000000000001");
        var high = Guid.Parse("ffffffff-0000-0000-0000-000000000000");

        var page = MemberListing.Page([Member("Léa", "Martin", high), Member("Léa", "Martin", low)], 10, null);

        Assert.Equal([low, high], page.Members.Select(m => m.UserId));
    }

    [Fact]
    public void Page_View_TakesNamesAndAddressFromTheProfile()
    {
        var (member, profile) = Member("Léa", "Martin");
        member.Role = SchoolRole.Admin;

        var view = Assert.Single(MemberListing.Page([(member, profile)], 10, null).Members);

        Assert.Equal(member.UserId, view.UserId);
        Assert.Equal("Léa", view.FirstName);
        Assert.Equal("Martin", view.LastName);
        Assert.Equal(profile!.Email, view.Email);
        Assert.Equal(SchoolRole.Admin, view.Role);
        Assert.Equal(January, view.JoinedAt);
    }

    [Fact]
    public void Page_FollowingTheKey_ListsEveryMemberOnceInOrder()
    {
        var members = new[]
        {
            Member("Eve", "Dubois"),
            Member("Ana", "Colin"),
            Member("Léa", "Blanc"),
            Member("Max", "Arnaud"),
            Member("Zoé", "Étienne"),
        };

        var first = MemberListing.Page(members, 2, null);
        var second = MemberListing.Page(members, 2, first.NextAfter);
        var third = MemberListing.Page(members, 2, second.NextAfter);

        Assert.Equal(["Max Arnaud", "Léa Blanc"], Names(first));
        Assert.Equal(["Ana Colin", "Eve Dubois"], Names(second));
        Assert.Equal(["Zoé Étienne"], Names(third));
        Assert.NotNull(first.NextAfter);
        Assert.NotNull(second.NextAfter);
        Assert.Null(third.NextAfter);
    }

    [Fact]
    public void Page_NamesakesAcrossPages_EachMemberOnce()
    {
        var members = Enumerable.Range(0, 5).Select(_ => Member("Léa", "Martin")).ToArray();

        var first = MemberListing.Page(members, 2, null);
        var second = MemberListing.Page(members, 2, first.NextAfter);
        var third = MemberListing.Page(members, 2, second.NextAfter);

        var seen = first.Members.Concat(second.Members).Concat(third.Members).Select(m => m.UserId).ToList();
        Assert.Equal(members.Select(m => m.Member.UserId).Order(), seen);
        Assert.Null(third.NextAfter);
    }

    [Fact]
    public void Page_ExactlyPageSize_NoNextAfter()
    {
        var page = MemberListing.Page([Member("Léa", "Blanc"), Member("Max", "Arnaud")], 2, null);

        Assert.Equal(2, page.Members.Count);
        Assert.Null(page.NextAfter);
    }

    [Fact]
    public void Page_MemberOfTheKeyLeft_NextPageStartsAfterThem()
    {
        var arnaud = Member("Max", "Arnaud");
        var blanc = Member("Léa", "Blanc");
        var colin = Member("Ana", "Colin");
        var dubois = Member("Eve", "Dubois");
        var first = MemberListing.Page([arnaud, blanc, colin, dubois], 2, null);

        var second = MemberListing.Page([arnaud, colin, dubois], 2, first.NextAfter);

        Assert.Equal(["Ana Colin", "Eve Dubois"], Names(second));
        Assert.Null(second.NextAfter);
    }

    [Fact]
    public void Page_KeyAfterTheLastMember_EmptyPage()
    {
        var arnaud = Member("Max", "Arnaud");
        var blanc = Member("Léa", "Blanc");
        var colin = Member("Ana", "Colin");
        var first = MemberListing.Page([arnaud, blanc, colin], 2, null);

        var second = MemberListing.Page([arnaud, blanc], 2, first.NextAfter);

        Assert.Empty(second.Members);
        Assert.Null(second.NextAfter);
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("Martin\u001fLéa\u001fnot-a-guid")]
    [InlineData("Martin\u001fLéa")]
    public void Page_MalformedKey_InvalidPageToken(string key)
    {
        var error = Assert.Throws<DomainException>(() => MemberListing.Page([Member("Léa", "Martin")], 2, key));

        Assert.Equal("INVALID_PAGE_TOKEN", error.Errors[0].Code);
    }
}
