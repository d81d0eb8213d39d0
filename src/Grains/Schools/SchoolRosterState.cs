using PixOrga.Grains.Roster;

namespace PixOrga.Grains.Schools;

/// <summary>The roster bookkeeping kept in grain state; the pupils themselves live in relational tables.</summary>
public sealed class SchoolRosterState
{
    /// <summary>
    /// Content hash of the file the roster was last made from: the same file again is recognised
    /// without reading the roster. Only a shortcut: an import that changes nothing is also
    /// recognised from the diff.
    /// </summary>
    public string? LastAppliedContentHash { get; set; }

    /// <summary>The valid import held until an ADMIN confirms or cancels it; at most one.</summary>
    public PendingRosterImport? Pending { get; set; }
}

public sealed class PendingRosterImport
{
    public Guid ImportId { get; set; }

    public string ContentHash { get; set; } = string.Empty;

    public List<ImportedPupil> Pupils { get; set; } = [];
}
