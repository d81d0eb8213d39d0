using DbUp.Engine;

namespace PixOrga.Silo.Database;

/// <summary>The SQL scripts embedded in this assembly, in the order they must run.</summary>
internal static class MigrationScripts
{
    private const string Marker = ".Database.Migrations.";

    public static IReadOnlyList<SqlScript> Load()
    {
        var assembly = typeof(MigrationScripts).Assembly;
        var scripts = new List<SqlScript>();
        foreach (var resourceName in assembly.GetManifestResourceNames())
        {
            var start = resourceName.IndexOf(Marker, StringComparison.Ordinal);
            if (start < 0 || !resourceName.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // The journal records this name, so it must not depend on how the assembly names its
            // resources: the bare file name stays the same whatever the root namespace.
            var fileName = resourceName[(start + Marker.Length)..];
            using var stream = assembly.GetManifestResourceStream(resourceName)
                ?? throw new InvalidOperationException($"Embedded script '{resourceName}' cannot be read.");
            using var reader = new StreamReader(stream);
            scripts.Add(new SqlScript(fileName, reader.ReadToEnd()));
        }

        if (scripts.Count == 0)
        {
            throw new InvalidOperationException("No migration script is embedded in the silo assembly.");
        }

        scripts.Sort((left, right) => string.CompareOrdinal(left.Name, right.Name));
        return scripts;
    }
}
