namespace PixOrga.Silo.Database;

/// <summary>Where and how <see cref="LocalPostgres"/> runs its cluster.</summary>
public sealed record LocalPostgresOptions
{
    /// <summary>The cluster's data folder; created and initialised when absent or empty.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The loopback port. 0 picks a free one the first time and keeps it for later runs.</summary>
    public int Port { get; init; }

    /// <summary>The application database, created when missing.</summary>
    public string Database { get; init; } = "pixorga";

    /// <summary>
    /// False turns off fsync and synchronous commit: only for throw-away test clusters, since a
    /// crash of the machine can then lose or corrupt committed data.
    /// </summary>
    public bool Durable { get; init; } = true;

    public int MaxConnections { get; init; } = 200;
}
