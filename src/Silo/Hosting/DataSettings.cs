namespace PixOrga.Silo.Hosting;

/// <summary>Settings of the <c>Data</c> section: where the default run keeps its files.</summary>
public sealed class DataSettings
{
    public const string Section = "Data";

    /// <summary>Holds the local PostgreSQL cluster, the mail outbox and the generated signing key.</summary>
    public string Directory { get; set; } = ".data";

    /// <summary>Port of the local PostgreSQL cluster started when no connection string is configured (0: any free port).</summary>
    public int LocalPostgresPort { get; set; } = 0;
}
