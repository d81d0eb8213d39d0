namespace PixOrga.Grains.Accounts;

/// <summary>Argon2id work factors; <see cref="Current"/> follows OWASP's recommendation (19 MiB, t=2, p=1).</summary>
public sealed record Argon2Parameters(int MemoryKiB, int Iterations, int Parallelism)
{
    public static readonly Argon2Parameters Current = new(19456, 2, 1);

    /// <summary>True when any factor is lower than <paramref name="other"/>'s: the hash should be redone.</summary>
    public bool IsWeakerThan(Argon2Parameters other) =>
        MemoryKiB < other.MemoryKiB || Iterations < other.Iterations || Parallelism < other.Parallelism;
}
