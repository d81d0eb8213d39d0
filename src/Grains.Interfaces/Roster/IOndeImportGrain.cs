using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Grains.Interfaces.Roster;

/// <summary>
/// One upload of an ONDE export, keyed by a fresh id: it reads the bytes as they arrive and, once
/// complete, hands a valid file to the school grain. Uploads are placed at random so that many
/// schools importing at once use every silo.
/// </summary>
public interface IOndeImportGrain : IGrainWithGuidKey
{
    /// <summary>Checks the school exists and the caller is one of its ADMINs, before any byte is read.</summary>
    Task Begin(Caller caller, OndeImportRequest request);

    Task Feed([Immutable] byte[] chunk);

    Task<RosterImport> Complete();

    /// <summary>The client went away: forget what was read.</summary>
    Task Abandon();
}
