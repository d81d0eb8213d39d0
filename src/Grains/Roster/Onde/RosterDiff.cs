namespace PixOrga.Grains.Roster.Onde;

/// <summary>
/// Compares a school's roster with the pupils of a valid ONDE file. Pupils are matched on the exact
/// INE, as the reference platform does, so a pupil keeps their identity (and linked Pix Junior
/// account) from one school year to the next.
/// </summary>
public static class RosterDiff
{
    public static RosterDiffResult Compute(IEnumerable<RosterPupil> current, IEnumerable<OndePupil> imported)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(imported);

        var currentByIne = new Dictionary<string, RosterPupil>(StringComparer.Ordinal);
        var currentInOrder = new List<RosterPupil>();
        foreach (var pupil in current)
        {
            if (currentByIne.TryAdd(pupil.Pupil.Ine, pupil))
            {
                currentInOrder.Add(pupil);
            }
        }

        List<string> added = [], updated = [], reactivated = [], unchanged = [];
        List<OndePupil> upserts = [];
        var inFile = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pupil in imported)
        {
            if (!inFile.Add(pupil.Ine))
            {
                continue;
            }

            if (!currentByIne.TryGetValue(pupil.Ine, out var known))
            {
                added.Add(pupil.Ine);
                upserts.Add(pupil);
            }
            else if (!known.Active)
            {
                reactivated.Add(pupil.Ine);
                upserts.Add(pupil);
            }
            else if (known.Pupil != pupil)
            {
                updated.Add(pupil.Ine);
                upserts.Add(pupil);
            }
            else
            {
                unchanged.Add(pupil.Ine);
            }
        }

        var deactivated = currentInOrder
            .Where(pupil => pupil.Active && !inFile.Contains(pupil.Pupil.Ine))
            .Select(pupil => pupil.Pupil.Ine)
            .ToList();

        return new RosterDiffResult(added, updated, reactivated, deactivated, unchanged, upserts);
    }
}
