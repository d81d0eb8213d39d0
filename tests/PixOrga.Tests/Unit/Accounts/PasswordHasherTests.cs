using PixOrga.Grains.Accounts;

namespace PixOrga.Tests.Unit.Accounts;

public sealed class PasswordHasherTests
{
    // Small factors keep the unit tests fast; the format and logic do not depend on them.
    private static readonly Argon2Parameters Fast = new(1024, 1, 1);

    [Fact]
    public void Hash_Current_PhcStringWithOwaspFactors()
    {
        var hash = new PasswordHasher(Argon2Parameters.Current).Hash("Motdepasse1");

        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", hash, StringComparison.Ordinal);
        Assert.True(PasswordHasher.TryParse(hash, out var parameters, out var salt, out var digest));
        Assert.Equal(Argon2Parameters.Current, parameters);
        Assert.Equal(16, salt.Length);
        Assert.Equal(32, digest.Length);
    }

    [Fact]
    public void Verify_RightAndWrongPassword_MatchesOnlyTheRightOne()
    {
        var hasher = new PasswordHasher(Fast);
        var hash = hasher.Hash("Motdepasse1");

        Assert.Equal(new PasswordCheck(true, false), hasher.Verify("Motdepasse1", hash));
        Assert.False(hasher.Verify("motdepasse1", hash).Matches);
    }

    [Fact]
    public void Hash_SamePasswordTwice_DifferentSalts()
    {
        var hasher = new PasswordHasher(Fast);

        Assert.NotEqual(hasher.Hash("Motdepasse1"), hasher.Hash("Motdepasse1"));
    }

    [Fact]
    public void Verify_HashWithLowerFactors_MatchesAndAsksForRehash()
    {
        var old = new PasswordHasher(Fast).Hash("Motdepasse1");
        var current = new PasswordHasher(new Argon2Parameters(2048, 1, 1));

        Assert.Equal(new PasswordCheck(true, true), current.Verify("Motdepasse1", old));
        Assert.Equal(new PasswordCheck(false, false), current.Verify("Mauvais1", old));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain text")]
    [InlineData("$argon2id$v=19$m=x,t=1,p=1$AAAA$AAAA")]
    [InlineData("$argon2id$v=19$m=1024,t=1,p=1$AAAA")]
    [InlineData("$argon2id$v=19$m=1024,t=1,p=1$!!!!$AAAA")]
    public void Verify_MalformedHash_NoMatch(string stored)
    {
        Assert.False(new PasswordHasher(Fast).Verify("Motdepasse1", stored).Matches);
    }

    [Fact]
    public void VerifyDummy_AnyPassword_DoesNotThrow()
    {
        new PasswordHasher(Fast).VerifyDummy("Motdepasse1");
    }

    [Theory]
    [InlineData(1024, 1, 1, false)]
    [InlineData(512, 1, 1, true)]
    [InlineData(1024, 0, 1, true)]
    [InlineData(4096, 3, 2, false)]
    public void IsWeakerThan_ComparesEachFactor(int memory, int iterations, int parallelism, bool weaker)
    {
        Assert.Equal(weaker, new Argon2Parameters(memory, iterations, parallelism).IsWeakerThan(Fast));
    }
}
