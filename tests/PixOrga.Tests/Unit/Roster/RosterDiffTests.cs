using PixOrga.Grains.Roster.Onde;
using Xunit;

namespace PixOrga.Tests.Unit.Roster;

public class RosterDiffTests
{
    private static OndePupil Pupil(string ine, string firstName = "Léa", OndeLevel level = OndeLevel.Cm1) =>
        new(ine, "Martin", firstName, "CYCLE III", level, "CM1 A", new DateOnly(2014, 5, 6));

    [Fact]
    public void Compute_EmptyRoster_AddsEveryPupil()
    {
        var diff = RosterDiff.Compute([], [Pupil("1"), Pupil("2")]);

        Assert.Equal(["1", "2"], diff.Added);
        Assert.Equal([Pupil("1"), Pupil("2")], diff.Upserts);
        Assert.Empty(diff.Updated);
        Assert.Empty(diff.Reactivated);
        Assert.Empty(diff.Deactivated);
        Assert.Empty(diff.Unchanged);
    }

    [Fact]
    public void Compute_EveryKindOfChange_ClassifiesEachPupil()
    {
        RosterPupil[] current =
        [
            new(Pupil("same"), Active: true),
            new(Pupil("moved", level: OndeLevel.Cm1), Active: true),
            new(Pupil("back"), Active: false),
            new(Pupil("back-changed"), Active: false),
            new(Pupil("gone"), Active: true),
            new(Pupil("long-gone"), Active: false),
        ];
        OndePupil[] file =
        [
            Pupil("new"),
            Pupil("same"),
            Pupil("moved", level: OndeLevel.Cm2),
            Pupil("back"),
            Pupil("back-changed", firstName: "Zoé"),
        ];

        var diff = RosterDiff.Compute(current, file);

        Assert.Equal(["new"], diff.Added);
        Assert.Equal(["moved"], diff.Updated);
        Assert.Equal(["back", "back-changed"], diff.Reactivated);
        Assert.Equal(["gone"], diff.Deactivated);
        Assert.Equal(["same"], diff.Unchanged);
        Assert.Equal(
            [Pupil("new"), Pupil("moved", level: OndeLevel.Cm2), Pupil("back"), Pupil("back-changed", firstName: "Zoé")],
            diff.Upserts);
    }

    [Fact]
    public void Compute_EmptyFile_DeactivatesEveryActivePupil()
    {
        var diff = RosterDiff.Compute([new(Pupil("1"), true), new(Pupil("2"), false), new(Pupil("3"), true)], []);

        Assert.Equal(["1", "3"], diff.Deactivated);
        Assert.Empty(diff.Upserts);
    }

    [Fact]
    public void Compute_IneDifferingInCase_IsAnotherPupil()
    {
        var diff = RosterDiff.Compute([new(Pupil("123456789AB"), true)], [Pupil("123456789ab")]);

        Assert.Equal(["123456789ab"], diff.Added);
        Assert.Equal(["123456789AB"], diff.Deactivated);
    }

    [Fact]
    public void Compute_SameFileTwice_ChangesNothing()
    {
        OndePupil[] file = [Pupil("1"), Pupil("2", firstName: "Zoé")];
        var first = RosterDiff.Compute([], file);
        var roster = first.Upserts.Select(p => new RosterPupil(p, true));

        var second = RosterDiff.Compute(roster, file);

        Assert.Equal(["1", "2"], second.Unchanged);
        Assert.Empty(second.Upserts);
        Assert.Empty(second.Deactivated);
    }
}
