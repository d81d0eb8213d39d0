namespace PixOrga.Silo.Database;

/// <summary>
/// An exclusive lock between processes, held by keeping a file open without sharing: the runtime
/// takes an advisory lock on it, which the kernel drops if the process dies.
/// </summary>
internal sealed class StartupLock : IAsyncDisposable
{
    private readonly FileStream stream;

    private StartupLock(FileStream stream) => this.stream = stream;

    public static async Task<StartupLock> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        while (true)
        {
            try
            {
                return new StartupLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }

    public ValueTask DisposeAsync() => stream.DisposeAsync();
}
