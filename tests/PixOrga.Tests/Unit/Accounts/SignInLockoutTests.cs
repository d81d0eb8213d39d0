using PixOrga.Grains.Accounts;

namespace PixOrga.Tests.Unit.Accounts;

public sealed class SignInLockoutTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void BlockFor_UnderTenFailures_NoBlock(int failures)
    {
        Assert.Null(SignInLockout.BlockFor(failures));
    }

    [Theory]
    [InlineData(10, 2)]
    [InlineData(11, 4)]
    [InlineData(12, 8)]
    [InlineData(19, 1024)]
    [InlineData(20, 1440)]
    [InlineData(1000, 1440)]
    public void BlockFor_FromTenFailures_DoublesUpToADay(int failures, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), SignInLockout.BlockFor(failures));
    }
}
