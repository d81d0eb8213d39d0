using Npgsql;
using PixOrga.Grains.Infrastructure;
using PixOrga.Grains.Interfaces.Missions;

namespace PixOrga.Grains.Missions.SchoolCodes;

/// <summary>
/// SQL of the <c>school_codes</c> table. Uniqueness nationwide is the primary key's job: a drawn
/// code that another school already holds fails the insert and a new one is drawn.
/// </summary>
public sealed class SchoolCodeRepository(NpgsqlDataSource dataSource)
{
    // Two collisions in a row are already a one-in-a-hundred-million-squared event at today's
    // number of schools; five means something else is wrong.
    public const int MaxAttempts = 5;

    public Task<SchoolCode?> FindAsync(string uai) => dataSource.Run(async connection =>
    {
        await using var command = new NpgsqlCommand("SELECT code, created_at FROM school_codes WHERE school_uai = @uai", connection);
        command.Parameters.AddWithValue("uai", uai);
        return await ReadCodeAsync(command);
    });

    /// <summary>The school holding <paramref name="code"/> (normalised), or null.</summary>
    public Task<string?> FindSchoolAsync(string code) => dataSource.Run(async connection =>
    {
        await using var command = new NpgsqlCommand("SELECT school_uai FROM school_codes WHERE code = @code", connection);
        command.Parameters.AddWithValue("code", code);
        return await command.ExecuteScalarAsync() as string;
    });

    /// <summary>Gives a school without a code one made by <paramref name="generate"/>.</summary>
    public Task<SchoolCode> CreateAsync(string uai, DateTimeOffset now, Func<string> generate) =>
        WriteWithRetryAsync(
            uai,
            now,
            generate,
            // Another silo's activation of the same school may have won the race: its code stands.
            "INSERT INTO school_codes (code, school_uai, created_at) VALUES (@code, @uai, @now) ON CONFLICT (school_uai) DO NOTHING RETURNING code, created_at");

    /// <summary>Gives the school a new code; its previous code no longer exists once this returns.</summary>
    public Task<SchoolCode> ReplaceAsync(string uai, DateTimeOffset now, Func<string> generate) =>
        WriteWithRetryAsync(
            uai,
            now,
            generate,
            """
            INSERT INTO school_codes (code, school_uai, created_at) VALUES (@code, @uai, @now)
            ON CONFLICT (school_uai) DO UPDATE SET code = excluded.code, created_at = excluded.created_at
            RETURNING code, created_at
            """);

    private async Task<SchoolCode> WriteWithRetryAsync(string uai, DateTimeOffset now, Func<string> generate, string sql)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var code = generate();
            try
            {
                var written = await dataSource.Run(async connection =>
                {
                    await using var command = new NpgsqlCommand(sql, connection);
                    command.Parameters.AddWithValue("code", code);
                    command.Parameters.AddWithValue("uai", uai);
                    command.Parameters.AddWithValue("now", now);
                    return await ReadCodeAsync(command);
                });
                return written ?? await FindAsync(uai) ?? throw MissionErrors.CodeGenerationFailed();
            }
            catch (PostgresException exception) when (exception is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "school_codes_pkey" })
            {
                // Another school holds this code: draw again.
            }
        }

        throw MissionErrors.CodeGenerationFailed();
    }

    private static async Task<SchoolCode?> ReadCodeAsync(NpgsqlCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new SchoolCode(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1))
            : null;
    }
}
