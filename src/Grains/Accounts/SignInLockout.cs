namespace PixOrga.Grains.Accounts;

/// <summary>
/// The temporary block after repeated failed sign-ins: from the 10th consecutive failure, 2 minutes,
/// doubling with each further failure, at most a day.
/// </summary>
public static class SignInLockout
{
    public const int FailuresBeforeBlock = 10;
    public static readonly TimeSpan BaseBlock = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan MaxBlock = TimeSpan.FromDays(1);

    /// <summary>How long to block after <paramref name="consecutiveFailures"/> failures, or null for no block.</summary>
    public static TimeSpan? BlockFor(int consecutiveFailures)
    {
        if (consecutiveFailures < FailuresBeforeBlock)
        {
            return null;
        }

        var doublings = consecutiveFailures - FailuresBeforeBlock;
        // 2 min × 2^10 already exceeds a day; stop before the shift overflows.
        return doublings >= 10 ? MaxBlock : TimeSpan.FromTicks(Math.Min(BaseBlock.Ticks << doublings, MaxBlock.Ticks));
    }
}
