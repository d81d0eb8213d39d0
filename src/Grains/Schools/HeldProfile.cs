using PixOrga.Grains.Interfaces.Schools;
using PixOrga.Grains.SchoolDirectory;

namespace PixOrga.Grains.Schools;

/// <summary>
/// A school's profile from the directory, as its grain holds it. Trusted for a few minutes, then
/// read again: a directory import renames or archives a school rarely, and is seen within minutes.
/// </summary>
internal sealed class HeldProfile(SchoolDirectoryRepository directory, string uai)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private SchoolProfile? profile;
    private DateTimeOffset readAt;

    /// <summary>The profile, or null for a school unknown to the directory or archived.</summary>
    public async Task<SchoolProfile?> GetAsync(DateTimeOffset now)
    {
        if (profile is null || now - readAt > Lifetime || now < readAt)
        {
            var read = await directory.FindAsync(uai);
            (profile, readAt) = (read is { Archived: false } ? read : null, now);
        }

        return profile;
    }
}
