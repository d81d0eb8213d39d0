using Npgsql;
using NpgsqlTypes;
using PixOrga.Grains.Infrastructure;
using PixOrga.Grains.Interfaces.Schools;

namespace PixOrga.Grains.SchoolDirectory;

/// <summary>SQL of the <c>schools</c> table, the queryable school directory.</summary>
public sealed class SchoolDirectoryRepository(NpgsqlDataSource dataSource)
{
    private const string Columns = "uai, name, email, postal_code, city, public_private, archived";

    public Task<SchoolProfile?> FindAsync(string uai) => dataSource.Run(async connection =>
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM schools WHERE uai = @uai", connection);
        command.Parameters.AddWithValue("uai", uai);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    });

    public Task<List<SchoolProfile>> ListAsync(int limit, string? afterUai) => dataSource.Run(async connection =>
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM schools WHERE @after IS NULL OR uai > @after ORDER BY uai LIMIT @limit", connection);
        command.Parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Text) { Value = (object?)afterUai ?? DBNull.Value });
        command.Parameters.AddWithValue("limit", limit);
        var schools = new List<SchoolProfile>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            schools.Add(Read(reader));
        }

        return schools;
    });

    /// <summary>
    /// Upserts a batch in one statement; rows whose values did not change are left alone (and not
    /// counted), so importing the same file twice writes nothing.
    /// </summary>
    public Task<(int Created, int Updated)> UpsertAsync(IReadOnlyList<DirectoryRow> rows) => dataSource.Run(async connection =>
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO schools (uai, name, email, postal_code, city, public_private, archived)
            SELECT * FROM unnest(@uai::text[], @name::text[], @email::text[], @postal::text[], @city::text[], @status::text[], @archived::boolean[])
            ON CONFLICT (uai) DO UPDATE SET
                name = excluded.name, email = excluded.email, postal_code = excluded.postal_code, city = excluded.city,
                public_private = excluded.public_private, archived = excluded.archived, updated_at = now()
            WHERE (schools.name, schools.email, schools.postal_code, schools.city, schools.public_private, schools.archived)
                IS DISTINCT FROM (excluded.name, excluded.email, excluded.postal_code, excluded.city, excluded.public_private, excluded.archived)
            RETURNING (xmax = 0) AS inserted
            """,
            connection);
        command.Parameters.AddWithValue("uai", rows.Select(r => r.Uai).ToArray());
        command.Parameters.AddWithValue("name", rows.Select(r => r.Name).ToArray());
        command.Parameters.AddWithValue("email", rows.Select(r => r.Email).ToArray());
        command.Parameters.AddWithValue("postal", rows.Select(r => r.PostalCode).ToArray());
        command.Parameters.AddWithValue("city", rows.Select(r => r.City).ToArray());
        command.Parameters.AddWithValue("status", rows.Select(r => r.PublicPrivate).ToArray());
        command.Parameters.AddWithValue("archived", rows.Select(r => r.Archived).ToArray());
        int created = 0, updated = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (reader.GetBoolean(0))
            {
                created++;
            }
            else
            {
                updated++;
            }
        }

        return (created, updated);
    });

    private static SchoolProfile Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.GetBoolean(6));
}
