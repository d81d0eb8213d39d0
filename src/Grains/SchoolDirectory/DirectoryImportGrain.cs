using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.SchoolDirectory;

namespace PixOrga.Grains.SchoolDirectory;

/// <summary>
/// One directory upload. Rows are written in batches as their lines complete; the same file
/// imported twice writes nothing the second time.
/// </summary>
public sealed class DirectoryImportGrain(SchoolDirectoryRepository repository) : Grain, IDirectoryImportGrain
{
    private const int BatchSize = 1000;
    private readonly DirectoryFileReader reader = new();
    private readonly List<DirectoryRow> batch = [];
    private bool begun;
    private int created;
    private int updated;
    private int unchanged;

    public Task Begin(Caller caller)
    {
        caller.RequireScope(Scopes.SchoolsAdmin);

        begun = true;
        return Task.CompletedTask;
    }

    public async Task Feed(byte[] chunk)
    {
        EnsureBegun();
        await Add(Guard(() => reader.Feed(chunk)));
    }

    public async Task<DirectoryImportResult> Complete()
    {
        EnsureBegun();
        await Add(Guard(reader.Complete));
        await Flush();
        DeactivateOnIdle();
        return new DirectoryImportResult(created, updated, unchanged, reader.Skipped, reader.Errors);
    }

    private IReadOnlyList<DirectoryRow> Guard(Func<IReadOnlyList<DirectoryRow>> read)
    {
        try
        {
            return read();
        }
        catch (DomainException)
        {
            // A file that cannot be read leaves this upload unusable: forget it.
            DeactivateOnIdle();
            throw;
        }
    }

    private async Task Add(IReadOnlyList<DirectoryRow> rows)
    {
        batch.AddRange(rows);
        if (batch.Count >= BatchSize)
        {
            await Flush();
        }
    }

    private async Task Flush()
    {
        if (batch.Count == 0)
        {
            return;
        }

        var (c, u) = await repository.UpsertAsync(batch);
        created += c;
        updated += u;
        unchanged += batch.Count - c - u;
        batch.Clear();
    }

    private void EnsureBegun()
    {
        if (!begun)
        {
            throw DomainException.Precondition("IMPORT_NOT_STARTED", "L'import n'a pas été commencé.");
        }
    }
}
