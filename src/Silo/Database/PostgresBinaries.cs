namespace PixOrga.Silo.Database;

/// <summary>Finds the PostgreSQL server programs installed on the machine.</summary>
internal static class PostgresBinaries
{
    private const string DebianRoot = "/usr/lib/postgresql";

    public static async Task<string> FindDirectoryAsync(CancellationToken cancellationToken)
    {
        var fromPgConfig = await PgConfigDirectoryAsync(cancellationToken);
        if (HasServerPrograms(fromPgConfig))
        {
            return fromPgConfig!;
        }

        var debian = DebianDirectories().FirstOrDefault(HasServerPrograms);
        if (debian is not null)
        {
            return debian;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasServerPrograms);
        return onPath ?? throw new InvalidOperationException(
            "PostgreSQL server programs (initdb, pg_ctl) were not found via pg_config, in " + DebianRoot +
            "/<version>/bin or on PATH. Install Debian's 'postgresql' package (apt-get install postgresql) " +
            "or configure a connection string to an existing server.");
    }

    private static async Task<string?> PgConfigDirectoryAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await PostgresCommand.RunAsync("pg_config", ["--bindir"], asServerUser: false, workingDirectory: null, cancellationToken);
            return result.ExitCode == 0 ? result.Output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // pg_config is not installed; the other places may still hold the server.
            return null;
        }
    }

    // Several major versions can be installed side by side; the newest is the one to use.
    private static IEnumerable<string> DebianDirectories()
    {
        if (!Directory.Exists(DebianRoot))
        {
            return [];
        }

        return Directory.EnumerateDirectories(DebianRoot)
            .Select(directory => (directory, version: decimal.TryParse(Path.GetFileName(directory), System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : -1))
            .Where(candidate => candidate.version >= 0)
            .OrderByDescending(candidate => candidate.version)
            .Select(candidate => Path.Combine(candidate.directory, "bin"));
    }

    private static bool HasServerPrograms(string? directory) =>
        !string.IsNullOrEmpty(directory)
        && File.Exists(Path.Combine(directory, "initdb"))
        && File.Exists(Path.Combine(directory, "pg_ctl"));
}
