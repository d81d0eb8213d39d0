using Npgsql;

namespace PixOrga.Grains.Roster;

/// <summary>SQL of the pupils and import history tables, written only by the school grain.</summary>
public sealed class RosterRepository(NpgsqlDataSource dataSource)
{
    private readonly NpgsqlDataSource dataSource = dataSource;
}
