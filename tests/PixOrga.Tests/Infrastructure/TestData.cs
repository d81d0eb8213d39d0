namespace PixOrga.Tests.Infrastructure;

public static class TestData
{
    private static int counter = Random.Shared.Next(0, 1_000_000);

    /// <summary>A UAI no other test uses: seven digits and a letter.</summary>
    public static string NewUai() => $"{Interlocked.Increment(ref counter) % 10_000_000:0000000}{(char)('A' + Random.Shared.Next(26))}";

    public static string NewEmail(string name = "user") => $"{name}.{Guid.NewGuid():N}@example.org";
}
