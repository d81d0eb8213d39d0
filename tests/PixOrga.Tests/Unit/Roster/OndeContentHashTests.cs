using PixOrga.Grains.Roster.Onde;
using Xunit;
using static PixOrga.Tests.Unit.Roster.OndeFile;

namespace PixOrga.Tests.Unit.Roster;

public class OndeContentHashTests
{
    [Fact]
    public void Complete_SameRosterInAnotherRowOrderWithDuplicatesAndPadding_HasSameHash()
    {
        var first = Read(Lines(Header, Row(ine: "1"), Row(ine: "2", firstName: "Zoé")));
        var second = Read(Lines(Header.Replace(';', ','), Row(ine: "2", firstName: " Zoé ").Replace(';', ','), Row(ine: "1").Replace(';', ','), Row(ine: "2", firstName: "Zoé").Replace(';', ',')));

        Assert.NotNull(first.ContentHash);
        Assert.Equal(first.ContentHash, second.ContentHash);
    }

    [Theory]
    [InlineData("Martin", "Léa", "CM1", "CM1 A", "2014-05-06")]
    [InlineData("Martin", "Léo", "CM1", "CM1 A", "2014-05-06")]
    [InlineData("Martin", "Léa", "CM2", "CM1 A", "2014-05-06")]
    [InlineData("Martin", "Léa", "CM1", "CM1 B", "2014-05-06")]
    [InlineData("Martin", "Léa", "CM1", "CM1 A", "2014-05-07")]
    public void Compute_AnyFieldChanges_HashChanges(string lastName, string firstName, string level, string classLabel, string birthDate)
    {
        var reference = Read(Lines(Header, Row(lastName: "Martin", firstName: "Léa", level: "CM1", classLabel: "CM1 A", birthDate: "2014-05-06"), Row(ine: "2")));
        var changed = Read(Lines(Header, Row(lastName: lastName, firstName: firstName, level: level, classLabel: classLabel, birthDate: birthDate), Row(ine: "2")));
        var same = (lastName, firstName, level, classLabel, birthDate) == ("Martin", "Léa", "CM1", "CM1 A", "2014-05-06");

        Assert.Equal(same, reference.ContentHash == changed.ContentHash);
    }

    [Fact]
    public void Compute_ValuesShiftedBetweenFields_HashChanges()
    {
        var one = new OndePupil("1", "ab", "c", "CYCLE III", OndeLevel.Cm1, "A", new DateOnly(2014, 1, 1));
        var other = one with { LastName = "a", FirstName = "bc" };

        Assert.NotEqual(OndeContentHash.Compute([one]), OndeContentHash.Compute([other]));
    }

    // Stored with each applied roster: the same pupils must keep the same fingerprint from one
    // version to the next, or every school's next upload would look new.
    [Fact]
    public void Compute_KnownRoster_KeepsItsFingerprint()
    {
        var pupil = new OndePupil("123456789AB", "Martin", "Léa", "CYCLE III", OndeLevel.Cm1, "CM1 A", new DateOnly(2014, 5, 6));

        var hash = OndeContentHash.Compute([pupil, pupil with { Ine = "2", FirstName = "Zoé", Level = OndeLevel.Cm2 }]);

        Assert.Equal("9601c828e0647ad3efe65804169d457af1de7ebc5158c7f5fd66d1bf202bbe27", hash);
    }

    [Fact]
    public void Compute_IsSha256InLowercaseHex()
    {
        var hash = OndeContentHash.Compute([]);

        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hash);
    }
}
