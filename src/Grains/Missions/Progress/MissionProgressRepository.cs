using Npgsql;
using NpgsqlTypes;
using PixOrga.Grains.Infrastructure;
using PixOrga.Grains.Interfaces.Missions;

namespace PixOrga.Grains.Missions.Progress;

/// <summary>
/// SQL of <c>mission_progress</c> and <c>mission_progress_events</c>, written only by the pupil's
/// school grain. Reads join <c>students</c> and keep active pupils: a deactivated pupil's progress
/// stays stored and shows again when an import re-activates them.
/// </summary>
public sealed class MissionProgressRepository(NpgsqlDataSource dataSource)
{
    /// <summary>The school of a pupil, active or not, or null for an unknown id.</summary>
    public Task<string?> FindPupilSchoolAsync(Guid pupilId) => dataSource.Run(async connection =>
    {
        await using var command = new NpgsqlCommand("SELECT school_uai FROM students WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", pupilId);
        return await command.ExecuteScalarAsync() as string;
    });

    /// <summary>
    /// In one transaction: the event is recorded under its id, then the pupil's progress changes.
    /// An event id seen before changes nothing: the same content answers the current progress as a
    /// duplicate, other content is refused.
    /// </summary>
    public Task<RecordedProgress> RecordAsync(string uai, MissionProgressEvent progressEvent, DateTimeOffset now) =>
        dataSource.Run(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync();
            if (!await PupilBelongsToAsync(connection, transaction, uai, progressEvent.PupilId))
            {
                throw MissionErrors.PupilUnknown();
            }

            if (!await InsertEventAsync(connection, transaction, progressEvent, now))
            {
                if (!await SameEventAsync(connection, transaction, progressEvent))
                {
                    throw MissionErrors.EventIdReused();
                }

                var current = await ReadProgressAsync(connection, transaction, progressEvent.PupilId, progressEvent.MissionId);
                await transaction.CommitAsync();
                return new RecordedProgress(current, Duplicate: true);
            }

            await using (var upsert = new NpgsqlCommand(
                """
                INSERT INTO mission_progress
                    (pupil_id, mission_id, school_uai, state, reached_step, success_level, started_at, updated_at, last_event_id)
                VALUES (@pupil, @mission, @uai, @state, @step, @level, @now, @now, @event)
                ON CONFLICT (pupil_id, mission_id) DO UPDATE SET
                    state = excluded.state, reached_step = excluded.reached_step, success_level = excluded.success_level,
                    updated_at = excluded.updated_at, last_event_id = excluded.last_event_id
                -- A replay that starts a completed mission again keeps the completion and its result.
                WHERE NOT (mission_progress.state = 'COMPLETED' AND excluded.state = 'STARTED')
                """,
                connection,
                transaction))
            {
                upsert.Parameters.AddWithValue("pupil", progressEvent.PupilId);
                upsert.Parameters.AddWithValue("mission", progressEvent.MissionId);
                upsert.Parameters.AddWithValue("uai", uai);
                upsert.Parameters.AddWithValue("state", StateToDb(progressEvent.State));
                upsert.Parameters.AddWithValue("step", progressEvent.ReachedStep);
                upsert.Parameters.Add(Text("level", LevelToDb(progressEvent.SuccessLevel)));
                upsert.Parameters.AddWithValue("now", now);
                upsert.Parameters.AddWithValue("event", progressEvent.EventId);
                await upsert.ExecuteNonQueryAsync();
            }

            var progress = await ReadProgressAsync(connection, transaction, progressEvent.PupilId, progressEvent.MissionId);
            await transaction.CommitAsync();
            return new RecordedProgress(progress, Duplicate: false);
        });

    /// <summary>«Commencé par»: per mission, the classes of the active pupils who started it, each once, ordered.</summary>
    public Task<Dictionary<string, List<string>>> StartedByAsync(string uai) => dataSource.Run(async connection =>
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT DISTINCT p.mission_id, s.class_label
            FROM mission_progress p JOIN students s ON s.id = p.pupil_id
            WHERE p.school_uai = @uai AND s.active
            ORDER BY p.mission_id, s.class_label
            """,
            connection);
        command.Parameters.AddWithValue("uai", uai);
        var startedBy = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var missionId = reader.GetString(0);
            if (!startedBy.TryGetValue(missionId, out var classes))
            {
                startedBy[missionId] = classes = [];
            }

            classes.Add(reader.GetString(1));
        }

        return startedBy;
    });

    /// <summary>Every active pupil of the school with their progress in the mission, by class, last name, first name.</summary>
    public Task<List<MissionClass>> ListClassesAsync(string uai, string missionId) => dataSource.Run(async connection =>
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT s.class_label, s.id, s.first_name, s.last_name, p.state, p.reached_step, p.success_level, p.updated_at
            FROM students s LEFT JOIN mission_progress p ON p.pupil_id = s.id AND p.mission_id = @mission
            WHERE s.school_uai = @uai AND s.active
            ORDER BY s.class_label, s.last_name, s.first_name, s.id
            """,
            connection);
        command.Parameters.AddWithValue("uai", uai);
        command.Parameters.AddWithValue("mission", missionId);
        var classes = new List<MissionClass>();
        List<PupilMissionProgress>? pupils = null;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var classLabel = reader.GetString(0);
            if (classes.Count == 0 || classes[^1].ClassLabel != classLabel)
            {
                pupils = [];
                classes.Add(new MissionClass(classLabel, pupils));
            }

            var progress = reader.IsDBNull(4) ? null : ReadProgress(reader, 4);
            pupils!.Add(new PupilMissionProgress(reader.GetGuid(1), reader.GetString(2), reader.GetString(3), progress));
        }

        return classes;
    });

    /// <summary>The active pupils of one class, as stored (the caller keeps only what it may show).</summary>
    public Task<List<(Guid Id, string FirstName, string LastName)>> ListClassPupilsAsync(string uai, string classLabel) =>
        dataSource.Run(async connection =>
        {
            await using var command = new NpgsqlCommand(
                """
                SELECT id, first_name, last_name FROM students
                WHERE school_uai = @uai AND active AND class_label = @class
                ORDER BY first_name, last_name, id
                """,
                connection);
            command.Parameters.AddWithValue("uai", uai);
            command.Parameters.AddWithValue("class", classLabel);
            var pupils = new List<(Guid, string, string)>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                pupils.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
            }

            return pupils;
        });

    private static async Task<bool> PupilBelongsToAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string uai, Guid pupilId)
    {
        await using var command = new NpgsqlCommand(
            "SELECT 1 FROM students WHERE id = @id AND school_uai = @uai", connection, transaction);
        command.Parameters.AddWithValue("id", pupilId);
        command.Parameters.AddWithValue("uai", uai);
        return await command.ExecuteScalarAsync() is not null;
    }

    private static async Task<bool> InsertEventAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, MissionProgressEvent progressEvent, DateTimeOffset now)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO mission_progress_events (event_id, pupil_id, mission_id, state, reached_step, success_level, recorded_at)
            VALUES (@event, @pupil, @mission, @state, @step, @level, @now)
            ON CONFLICT (event_id) DO NOTHING
            """,
            connection,
            transaction);
        AddEventParameters(command, progressEvent);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    private static async Task<bool> SameEventAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, MissionProgressEvent progressEvent)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT 1 FROM mission_progress_events
            WHERE event_id = @event AND pupil_id = @pupil AND mission_id = @mission AND state = @state
              AND reached_step = @step AND success_level IS NOT DISTINCT FROM @level
            """,
            connection,
            transaction);
        AddEventParameters(command, progressEvent);
        return await command.ExecuteScalarAsync() is not null;
    }

    private static void AddEventParameters(NpgsqlCommand command, MissionProgressEvent progressEvent)
    {
        command.Parameters.AddWithValue("event", progressEvent.EventId);
        command.Parameters.AddWithValue("pupil", progressEvent.PupilId);
        command.Parameters.AddWithValue("mission", progressEvent.MissionId);
        command.Parameters.AddWithValue("state", StateToDb(progressEvent.State));
        command.Parameters.AddWithValue("step", progressEvent.ReachedStep);
        command.Parameters.Add(Text("level", LevelToDb(progressEvent.SuccessLevel)));
    }

    private static async Task<MissionProgress> ReadProgressAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid pupilId, string missionId)
    {
        await using var command = new NpgsqlCommand(
            "SELECT state, reached_step, success_level, updated_at FROM mission_progress WHERE pupil_id = @pupil AND mission_id = @mission",
            connection,
            transaction);
        command.Parameters.AddWithValue("pupil", pupilId);
        command.Parameters.AddWithValue("mission", missionId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? ReadProgress(reader, 0)
            : throw new InvalidOperationException("A recorded progress event has no progress row.");
    }

    private static MissionProgress ReadProgress(NpgsqlDataReader reader, int first) => new(
        StateFromDb(reader.GetString(first)),
        reader.GetInt32(first + 1),
        reader.IsDBNull(first + 2) ? null : LevelFromDb(reader.GetString(first + 2)),
        reader.GetFieldValue<DateTimeOffset>(first + 3));

    private static string StateToDb(MissionState state) => state switch
    {
        MissionState.Started => "STARTED",
        MissionState.Completed => "COMPLETED",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    private static MissionState StateFromDb(string state) => state switch
    {
        "STARTED" => MissionState.Started,
        "COMPLETED" => MissionState.Completed,
        _ => throw new InvalidOperationException($"Unknown mission state {state} in the database."),
    };

    private static string? LevelToDb(MissionSuccessLevel? level) => level switch
    {
        null => null,
        MissionSuccessLevel.NotReached => "NOT_REACHED",
        MissionSuccessLevel.PartiallyReached => "PARTIALLY_REACHED",
        MissionSuccessLevel.Reached => "REACHED",
        MissionSuccessLevel.Exceeded => "EXCEEDED",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    private static MissionSuccessLevel LevelFromDb(string level) => level switch
    {
        "NOT_REACHED" => MissionSuccessLevel.NotReached,
        "PARTIALLY_REACHED" => MissionSuccessLevel.PartiallyReached,
        "REACHED" => MissionSuccessLevel.Reached,
        "EXCEEDED" => MissionSuccessLevel.Exceeded,
        _ => throw new InvalidOperationException($"Unknown success level {level} in the database."),
    };

    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };
}
