using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using PixOrga.Grains.Infrastructure;
using PixOrga.Grains.Interfaces.Roster;
using PixOrga.Grains.Roster.Onde;

namespace PixOrga.Grains.Roster;

/// <summary>
/// SQL of the <c>students</c> table, written only by the school grain: an import's rows go in one
/// statement, and together with its history row in one transaction.
/// </summary>
public sealed class RosterRepository(NpgsqlDataSource dataSource)
{
    /// <summary>The import history, written in the same transactions as the pupils.</summary>
    public RosterImportHistory History { get; } = new(dataSource);

    private const string StudentColumns =
        "id, school_uai, ine, last_name, first_name, level, class_label, birth_date, active, updated_at";

    // Every ONDE pupil of cycle III has this cycle; the reader refuses any other, so it is not stored.
    private const string CycleThree = "CYCLE III";

    /// <summary>The whole roster of a school, inactive pupils included, as the diff needs it.</summary>
    public Task<List<RosterPupil>> LoadAsync(string uai) => dataSource.Run(async connection =>
    {
        await using var command = new NpgsqlCommand(
            "SELECT ine, last_name, first_name, level, class_label, birth_date, active FROM students WHERE school_uai = @uai",
            connection);
        command.Parameters.AddWithValue("uai", uai);
        var pupils = new List<RosterPupil>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var pupil = new OndePupil(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                CycleThree,
                RosterLevels.ToOnde(reader.GetString(3)),
                reader.GetString(4),
                reader.GetFieldValue<DateOnly>(5));
            pupils.Add(new RosterPupil(pupil, reader.GetBoolean(6)));
        }

        return pupils;
    });

    /// <summary>
    /// In one transaction: <paramref name="guard"/> first (when given: if it changes no row, nothing
    /// is written and the answer is false), then the pupils of <paramref name="diff"/> (one upsert
    /// for added, updated and re-activated pupils, one update for the deactivated), then the
    /// history commands. The commands go to the server as one batch.
    /// </summary>
    public Task<bool> WriteAsync(
        string uai, RosterDiffResult? diff, DateTimeOffset now, IReadOnlyList<NpgsqlBatchCommand> history, NpgsqlBatchCommand? guard = null) =>
        dataSource.Run(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync();
            if (guard is not null)
            {
                await using var guardBatch = new NpgsqlBatch(connection, transaction) { BatchCommands = { guard } };
                if (await guardBatch.ExecuteNonQueryAsync() == 0)
                {
                    await transaction.RollbackAsync();
                    return false;
                }
            }

            await using var batch = new NpgsqlBatch(connection, transaction);
            if (diff is not null && diff.Upserts.Count > 0)
            {
                batch.BatchCommands.Add(Upsert(uai, diff.Upserts, now));
            }

            if (diff is not null && diff.Deactivated.Count > 0)
            {
                batch.BatchCommands.Add(Deactivate(uai, diff.Deactivated, now));
            }

            foreach (var command in history)
            {
                batch.BatchCommands.Add(command);
            }

            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
            return true;
        });

    public Task<StudentPage> ListAsync(string uai, StudentQuery query) => dataSource.Run(async connection =>
    {
        var after = StudentPosition.Decode(query.After);
        await using var command = new NpgsqlCommand(
            $"""
            SELECT {StudentColumns} FROM students
            WHERE school_uai = @uai
              AND (@includeInactive OR active)
              AND (@class IS NULL OR class_label = @class)
              AND (@level IS NULL OR level = @level)
              AND (@pattern IS NULL OR last_name ILIKE @pattern OR first_name ILIKE @pattern OR ine ILIKE @pattern)
              AND (@afterIne IS NULL OR (last_name, first_name, ine) > (@afterLast, @afterFirst, @afterIne))
            ORDER BY last_name, first_name, ine
            LIMIT @limit
            """,
            connection);
        command.Parameters.AddWithValue("uai", uai);
        command.Parameters.AddWithValue("includeInactive", query.IncludeInactive);
        command.Parameters.Add(Text("class", string.IsNullOrWhiteSpace(query.ClassLabel) ? null : query.ClassLabel.Trim()));
        command.Parameters.Add(Text("level", RosterLevels.ToDb(query.Level)));
        command.Parameters.Add(Text("pattern", string.IsNullOrWhiteSpace(query.Search) ? null : "%" + EscapeLike(query.Search.Trim()) + "%"));
        command.Parameters.Add(Text("afterLast", after?.LastName));
        command.Parameters.Add(Text("afterFirst", after?.FirstName));
        command.Parameters.Add(Text("afterIne", after?.Ine));
        command.Parameters.AddWithValue("limit", query.PageSize + 1);
        var students = await ReadStudentsAsync(command);
        if (students.Count <= query.PageSize)
        {
            return new StudentPage(students, null);
        }

        students.RemoveAt(students.Count - 1);
        var last = students[^1];
        return new StudentPage(students, StudentPosition.Encode(new StudentPosition(last.LastName, last.FirstName, last.Ine)));
    });

    public Task<List<SchoolClass>> ListClassesAsync(string uai) => dataSource.Run(async connection =>
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT class_label, count(*)::int, array_agg(DISTINCT level ORDER BY level)
            FROM students WHERE school_uai = @uai AND active
            GROUP BY class_label ORDER BY class_label
            """,
            connection);
        command.Parameters.AddWithValue("uai", uai);
        var classes = new List<SchoolClass>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var levels = reader.GetFieldValue<string[]>(2).Select(RosterLevels.ToStudent).ToList();
            classes.Add(new SchoolClass(reader.GetString(0), reader.GetInt32(1), levels));
        }

        return classes;
    });

    /// <summary>Answered from the <c>students_by_ine</c> index, across schools.</summary>
    public Task<List<RosterStudent>> FindByIneAsync(IReadOnlyList<string> ines) => dataSource.Run(async connection =>
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {StudentColumns} FROM students WHERE ine = ANY(@ines) ORDER BY ine, school_uai", connection);
        command.Parameters.AddWithValue("ines", ines.ToArray());
        return await ReadStudentsAsync(command);
    });

    public Task<List<RosterStudent>> ListActiveAsync(string uai, string? afterIne, int limit) => dataSource.Run(async connection =>
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT {StudentColumns} FROM students
            WHERE school_uai = @uai AND active AND (@after IS NULL OR ine > @after)
            ORDER BY ine LIMIT @limit
            """,
            connection);
        command.Parameters.AddWithValue("uai", uai);
        command.Parameters.Add(Text("after", afterIne));
        command.Parameters.AddWithValue("limit", limit);
        return await ReadStudentsAsync(command);
    });

    // Ids are chosen here for new pupils; ON CONFLICT keeps the id of a known one, so a pupil's
    // identity (and the Pix Junior account linked to it) survives every re-import.
    private static NpgsqlBatchCommand Upsert(string uai, IReadOnlyList<OndePupil> pupils, DateTimeOffset now)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO students (id, school_uai, ine, last_name, first_name, level, class_label, birth_date, active, created_at, updated_at)
            SELECT p.id, $1, p.ine, p.last_name, p.first_name, p.level, p.class_label, p.birth_date, true, $2, $2
            FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::date[])
                AS p(id, ine, last_name, first_name, level, class_label, birth_date)
            ON CONFLICT (school_uai, ine) DO UPDATE SET
                last_name = excluded.last_name, first_name = excluded.first_name, level = excluded.level,
                class_label = excluded.class_label, birth_date = excluded.birth_date,
                active = true, deactivated_at = NULL, updated_at = excluded.updated_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = uai });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = pupils.Select(_ => Guid.CreateVersion7(now)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = pupils.Select(p => p.Ine).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = pupils.Select(p => p.LastName).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = pupils.Select(p => p.FirstName).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = pupils.Select(p => RosterLevels.ToDb(p.Level)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = pupils.Select(p => p.ClassLabel).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = pupils.Select(p => p.BirthDate).ToArray() });
        return command;
    }

    private static NpgsqlBatchCommand Deactivate(string uai, IReadOnlyList<string> ines, DateTimeOffset now)
    {
        var command = new NpgsqlBatchCommand(
            "UPDATE students SET active = false, deactivated_at = $2, updated_at = $2 WHERE school_uai = $1 AND active AND ine = ANY($3)");
        command.Parameters.Add(new NpgsqlParameter { Value = uai });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = ines.ToArray() });
        return command;
    }

    private static async Task<List<RosterStudent>> ReadStudentsAsync(NpgsqlCommand command)
    {
        var students = new List<RosterStudent>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            students.Add(new RosterStudent(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                RosterLevels.ToStudent(reader.GetString(5)),
                reader.GetString(6),
                reader.GetFieldValue<DateOnly>(7),
                reader.GetBoolean(8),
                reader.GetFieldValue<DateTimeOffset>(9)));
        }

        return students;
    }

    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>Where a page of pupils ends, in their sort order; opaque to callers.</summary>
    private sealed record StudentPosition(string LastName, string FirstName, string Ine)
    {
        public static string Encode(StudentPosition position) => JsonSerializer.Serialize(position);

        public static StudentPosition? Decode(string? after)
        {
            if (string.IsNullOrEmpty(after))
            {
                return null;
            }

            try
            {
                return JsonSerializer.Deserialize<StudentPosition>(after)
                    ?? throw RosterErrors.InvalidPageToken();
            }
            catch (JsonException)
            {
                throw RosterErrors.InvalidPageToken();
            }
        }
    }
}
