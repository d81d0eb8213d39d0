namespace PixOrga.Grains.Interfaces.Common;

/// <summary>
/// The clock of the business rules (link expiry, token lifetimes, lock-outs). It is its own type,
/// not the host's <see cref="TimeProvider"/>, so tests can move business time without touching
/// the timers Orleans and Kestrel run on.
/// </summary>
public sealed class PixOrgaClock(TimeProvider time)
{
    public static readonly PixOrgaClock System = new(TimeProvider.System);

    public TimeProvider Time { get; } = time;

    public DateTimeOffset UtcNow => Time.GetUtcNow();
}
