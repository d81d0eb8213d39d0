using System.Globalization;

namespace PixOrga.Grains.Infrastructure;

/// <summary>
/// People's names as a French reader sorts them: accents and case do not push «Émile» after «Zoé».
/// Shared by the lists of pupils and of members.
/// </summary>
public static class NameOrder
{
    public static StringComparer French { get; } = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);
}
