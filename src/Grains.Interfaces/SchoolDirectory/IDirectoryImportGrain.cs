using PixOrga.Grains.Interfaces.Common;

namespace PixOrga.Grains.Interfaces.SchoolDirectory;

/// <summary>
/// One upload of the national school directory file, fed chunk by chunk as the bytes arrive.
/// Keyed by a fresh id per upload.
/// </summary>
public interface IDirectoryImportGrain : IGrainWithGuidKey
{
    Task Begin(Caller caller);

    Task Feed([Immutable] byte[] chunk);

    Task<DirectoryImportResult> Complete();
}
