namespace PixOrga.Grains.Interfaces.Roster;

/// <summary>Where an import stands. Stored by name in <c>roster_imports.status</c>.</summary>
public enum RosterImportStatus
{
    Unspecified = 0,
    Imported = 1,
    ValidationError = 2,
    AwaitingConfirmation = 3,
    Cancelled = 4,
    Unchanged = 5,

    /// <summary>A dry run: never stored.</summary>
    Preview = 6,
}
