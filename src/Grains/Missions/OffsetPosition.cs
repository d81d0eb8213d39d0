using System.Globalization;
using PixOrga.Grains.Interfaces.Missions;

namespace PixOrga.Grains.Missions;

/// <summary>
/// Page positions of the missions lists: an index into a short, ordered list. Unlike a key
/// position, it carries nothing about the pupils listed (a page token must not spell a child's name).
/// </summary>
public static class OffsetPosition
{
    public static int Parse(string? after)
    {
        if (string.IsNullOrEmpty(after))
        {
            return 0;
        }

        return int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : throw MissionErrors.InvalidPageToken();
    }

    /// <summary>The next page's position, or null when <paramref name="end"/> reached the list's end.</summary>
    public static string? Next(int end, int count) => end < count ? end.ToString(CultureInfo.InvariantCulture) : null;
}
