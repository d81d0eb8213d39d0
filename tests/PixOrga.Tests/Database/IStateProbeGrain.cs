namespace PixOrga.Tests.Database;

/// <summary>A grain that exposes each persistence operation so tests can drive the storage provider.</summary>
public interface IStateProbeGrain : IGrainWithStringKey
{
    Task<string?> GetValueAsync();

    Task<bool> RecordExistsAsync();

    Task WriteAsync(string value);

    Task ClearAsync();

    Task ReloadAsync();

    Task DeactivateAsync();
}
