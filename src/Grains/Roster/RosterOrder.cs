using PixOrga.Grains.Infrastructure;
using PixOrga.Grains.Interfaces.Roster;

namespace PixOrga.Grains.Roster;

/// <summary>
/// The order of pupils in lists: names in French order, then the INE, so that two namesakes
/// always come in the same order.
/// </summary>
public sealed class RosterOrder : IComparer<RosterStudent>
{
    public static RosterOrder Instance { get; } = new();

    public int Compare(RosterStudent? x, RosterStudent? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var byLast = NameOrder.French.Compare(x.LastName, y.LastName);
        if (byLast != 0)
        {
            return byLast;
        }

        var byFirst = NameOrder.French.Compare(x.FirstName, y.FirstName);
        return byFirst != 0 ? byFirst : string.CompareOrdinal(x.Ine, y.Ine);
    }
}
