using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using PixOrga.Grains.Infrastructure;
using PixOrga.Grains.Interfaces.Roster;

namespace PixOrga.Grains.Roster;

/// <summary>
/// SQL of the <c>students</c> and <c>school_rosters</c> tables. The school grain is their only
/// writer: it reads its roster once (<see cref="LoadAsync"/>) and writes each command as one batch,
/// one round trip and one commit (<see cref="CommitAsync"/>). Internal services read pupils here.
/// </summary>
public sealed class RosterRepository(NpgsqlDataSource dataSource)
{
    /// <summary>The import history, written in the same transactions as the pupils.</summary>
    public RosterImportHistory History { get; } = new(dataSource);

    private const string StudentColumns =
        "id, school_uai, ine, last_name, first_name, level, class_label, birth_date, active, updated_at";

    // The held pupils keep the JSON shape they had in the school grain's Orleans state, so the
    // migration that moved them could copy them as they were.
    private static readonly JsonSerializerOptions HeldPupilsJson = new();

    /// <summary>Every pupil (inactive ones included), the head and the newest import, in one batch.</summary>
    public Task<RosterSnapshot> LoadAsync(string uai) => dataSource.Run(async connection =>
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                WithUai($"SELECT {StudentColumns} FROM students WHERE school_uai = $1", uai),
                WithUai("SELECT version, content_hash, held_content_hash, held_pupils FROM school_rosters WHERE school_uai = $1", uai),
                WithUai(
                    $"""
                    SELECT {RosterImportHistory.Columns} FROM roster_imports
                    WHERE school_uai = $1 AND id = (SELECT held_import_id FROM school_rosters WHERE school_uai = $1)
                    """,
                    uai),
                WithUai($"SELECT {RosterImportHistory.Columns} FROM roster_imports WHERE school_uai = $1 ORDER BY created_at DESC, seq DESC LIMIT 1", uai),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync();
        var students = new List<RosterStudent>();
        while (await reader.ReadAsync())
        {
            students.Add(ReadStudent(reader));
        }

        await reader.NextResultAsync();
        (long Version, string? Hash, string? HeldHash, string? HeldPupils) head = (0, null, null, null);
        if (await reader.ReadAsync())
        {
            head = (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3));
        }

        await reader.NextResultAsync();
        var heldImport = await reader.ReadAsync() ? RosterImportHistory.ReadRow(reader) : null;
        await reader.NextResultAsync();
        var last = await reader.ReadAsync() ? RosterImportHistory.ReadRow(reader) : null;
        var held = heldImport is null || head.HeldPupils is null
            ? null
            : new HeldImport(heldImport, head.HeldHash, JsonSerializer.Deserialize<List<ImportedPupil>>(head.HeldPupils, HeldPupilsJson) ?? []);
        return new RosterSnapshot(students, new RosterHead(head.Version, head.Hash, held), last);
    });

    /// <summary>
    /// Writes one command as one batch: PostgreSQL runs it in one implicit transaction, so it
    /// commits whole or not at all. The history row goes first: when its idempotency key is taken,
    /// nothing is written and the answer is false (the earlier import is the answer). The head goes
    /// last and raises when its version moved, rolling back everything before it.
    /// </summary>
    public Task<bool> CommitAsync(RosterCommit commit) => dataSource.Run(async connection =>
    {
        await using var batch = new NpgsqlBatch(connection);
        if (commit.Inserted is { } inserted)
        {
            batch.BatchCommands.Add(RosterImportHistory.Insert(
                inserted.Import, inserted.Encoding, inserted.ContentHash, inserted.IdempotencyKey));
        }

        foreach (var decision in commit.Decisions)
        {
            batch.BatchCommands.Add(RosterImportHistory.Decide(
                commit.Uai, decision.ImportId, decision.Status, commit.Now, decision.By, decision.Counts));
        }

        if (commit.Upserts.Count > 0)
        {
            batch.BatchCommands.Add(Upsert(commit.Uai, commit.Upserts, commit.Now));
        }

        if (commit.Deactivated.Count > 0)
        {
            batch.BatchCommands.Add(Deactivate(commit.Uai, commit.Deactivated, commit.Now));
        }

        if (commit.NextHead is { } head)
        {
            batch.BatchCommands.Add(SaveHead(commit.Uai, commit.ExpectedVersion, head));
        }

        try
        {
            await batch.ExecuteNonQueryAsync();
            return true;
        }
        catch (PostgresException exception) when (exception is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "roster_imports_idempotency" })
        {
            return false;
        }
    });

    /// <summary>Classes of the active pupils, for Pix Junior (which has no school grain of its own).</summary>
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
        command.Parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Text) { Value = (object?)afterIne ?? DBNull.Value });
        command.Parameters.AddWithValue("limit", limit);
        return await ReadStudentsAsync(command);
    });

    // The grain chose the ids (new ones for added pupils); ON CONFLICT keeps the stored id of a
    // known pupil, so a pupil's identity (and linked Pix Junior account) survives every re-import.
    private static NpgsqlBatchCommand Upsert(string uai, IReadOnlyList<RosterStudent> pupils, DateTimeOffset now)
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
        command.Parameters.Add(new NpgsqlParameter { Value = pupils.Select(p => p.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = pupils.Select(p => p.Ine).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = pupils.Select(p => p.LastName).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = pupils.Select(p => p.FirstName).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = pupils.Select(p => RosterLevels.ToDb(p.Level)!).ToArray() });
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

    private static NpgsqlBatchCommand SaveHead(string uai, long expectedVersion, RosterHead head)
    {
        var command = new NpgsqlBatchCommand("SELECT school_roster_save($1, $2, $3, $4, $5, $6)");
        command.Parameters.Add(new NpgsqlParameter { Value = uai });
        command.Parameters.Add(new NpgsqlParameter { Value = expectedVersion });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)head.ContentHash ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = (object?)head.Held?.Import.Id ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)head.Held?.ContentHash ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter
        {
            NpgsqlDbType = NpgsqlDbType.Jsonb,
            Value = head.Held is { } held ? JsonSerializer.Serialize(held.Pupils, HeldPupilsJson) : DBNull.Value,
        });
        return command;
    }

    private static NpgsqlBatchCommand WithUai(string sql, string uai) =>
        new(sql) { Parameters = { new NpgsqlParameter { Value = uai } } };

    private static async Task<List<RosterStudent>> ReadStudentsAsync(NpgsqlCommand command)
    {
        var students = new List<RosterStudent>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            students.Add(ReadStudent(reader));
        }

        return students;
    }

    private static RosterStudent ReadStudent(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        RosterLevels.ToStudent(reader.GetString(5)),
        reader.GetString(6),
        reader.GetFieldValue<DateOnly>(7),
        reader.GetBoolean(8),
        reader.GetFieldValue<DateTimeOffset>(9));
}
