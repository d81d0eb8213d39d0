using PixOrga.Grains.Roster;

namespace PixOrga.Tests.Unit.Roster;

public class RosterSafetyHoldTests
{
    [Theory]
    [InlineData(10, 7, true)]
    [InlineData(10, 6, false)]
    [InlineData(5, 4, true)]
    [InlineData(5, 3, false)]
    [InlineData(1, 1, true)]
    [InlineData(100, 61, true)]
    [InlineData(100, 60, false)]
    public void Requires_DeactivatedShareOfActivePupils_HoldsAboveSixtyPercent(int active, int deactivated, bool expected)
    {
        Assert.Equal(expected, RosterSafetyHold.Requires(active, deactivated));
    }

    [Fact]
    public void Requires_FirstImportWithNoActivePupil_NeverHolds()
    {
        Assert.False(RosterSafetyHold.Requires(0, 0));
    }
}
