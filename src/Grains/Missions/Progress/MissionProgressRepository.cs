using Npgsql;
using NpgsqlTypes;
using PixOrga.Grains.Infrastructure;
using PixOrga.Grains.Interfaces.Missions;

namespace PixOrga.Grains.Missions.Progress;

/// <summary>
/// SQL of <c>mission_progress</c> and <c>mission_progress_events</c>, written only by the missions
/// grain of the pupil's school. Reads join <c>students</c> and keep active pupils: a deactivated
/// pupil's progress stays stored and shows again when an import re-activates them.
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
    /// One statement, so one round trip and one transaction: the event is recorded under its id,
    /// then the pupil's progress changes. An event id seen before changes nothing: the same content
    /// answers the current progress as a duplicate, other content is refused.
    /// </summary>
    public async Task<RecordedProgress> RecordAsync(string uai, MissionProgressEvent progressEvent, DateTimeOffset now)
    {
        var outcome = await RecordOnceAsync(uai, progressEvent, now);
        if (outcome is { PupilKnown: true, Inserted: false, SameEvent: null })
        {
            // The id was taken by a transaction that committed after the statement's snapshot:
            // invisible to it, visible to the next statement.
            outcome = await RecordOnceAsync(uai, progressEvent, now);
        }

        return outcome switch
        {
            { PupilKnown: false } => throw MissionErrors.PupilUnknown(),
            { Inserted: true } => new RecordedProgress(outcome.Progress ?? throw NoProgressRow(), Duplicate: false),
            { SameEvent: true } => new RecordedProgress(outcome.Progress ?? throw NoProgressRow(), Duplicate: true),
            { SameEvent: false } => throw MissionErrors.EventIdReused(),
            _ => throw new InvalidOperationException($"Progress event {progressEvent.EventId} was neither recorded nor found."),
        };
    }

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

    // The parts of a statement all see the tables as they were before it: «earlier» is an event
    // recorded before under this id, the stored progress is the one before this event. The upsert's
    // own row comes first; it is missing when the upsert kept a completion.
    private Task<RecordOutcome> RecordOnceAsync(string uai, MissionProgressEvent progressEvent, DateTimeOffset now) =>
        dataSource.Run(async connection =>
        {
            await using var command = new NpgsqlCommand(
                """
                WITH pupil AS (
                    SELECT id FROM students WHERE id = @pupil AND school_uai = @uai
                ), inserted AS (
                    INSERT INTO mission_progress_events (event_id, pupil_id, mission_id, state, reached_step, success_level, recorded_at)
                    SELECT @event, id, @mission, @state, @step, @level, @now FROM pupil
                    ON CONFLICT (event_id) DO NOTHING
                    RETURNING event_id
                ), upserted AS (
                    INSERT INTO mission_progress
                        (pupil_id, mission_id, school_uai, state, reached_step, success_level, started_at, updated_at, last_event_id)
                    SELECT @pupil, @mission, @uai, @state, @step, @level, @now, @now, event_id FROM inserted
                    ON CONFLICT (pupil_id, mission_id) DO UPDATE SET
                        state = excluded.state, reached_step = excluded.reached_step, success_level = excluded.success_level,
                        updated_at = excluded.updated_at, last_event_id = excluded.last_event_id
                    -- A replay that starts a completed mission again keeps the completion and its result.
                    WHERE NOT (mission_progress.state = 'COMPLETED' AND excluded.state = 'STARTED')
                    RETURNING state, reached_step, success_level, updated_at
                )
                SELECT
                    EXISTS (SELECT FROM pupil),
                    EXISTS (SELECT FROM inserted),
                    (SELECT earlier.pupil_id = @pupil AND earlier.mission_id = @mission AND earlier.state = @state
                            AND earlier.reached_step = @step AND earlier.success_level IS NOT DISTINCT FROM @level
                     FROM mission_progress_events earlier WHERE earlier.event_id = @event),
                    progress.state, progress.reached_step, progress.success_level, progress.updated_at
                FROM (SELECT) AS one
                LEFT JOIN (
                    SELECT state, reached_step, success_level, updated_at, 0 AS rank FROM upserted
                    UNION ALL
                    SELECT state, reached_step, success_level, updated_at, 1 FROM mission_progress
                    WHERE pupil_id = @pupil AND mission_id = @mission
                    ORDER BY rank
                    LIMIT 1
                ) AS progress ON true
                """,
                connection);
            command.Parameters.AddWithValue("event", progressEvent.EventId);
            command.Parameters.AddWithValue("pupil", progressEvent.PupilId);
            command.Parameters.AddWithValue("mission", progressEvent.MissionId);
            command.Parameters.AddWithValue("state", StateToDb(progressEvent.State));
            command.Parameters.AddWithValue("step", progressEvent.ReachedStep);
            command.Parameters.Add(Text("level", LevelToDb(progressEvent.SuccessLevel)));
            command.Parameters.AddWithValue("uai", uai);
            command.Parameters.AddWithValue("now", now);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return new RecordOutcome(
                reader.GetBoolean(0),
                reader.GetBoolean(1),
                reader.IsDBNull(2) ? null : reader.GetBoolean(2),
                reader.IsDBNull(3) ? null : ReadProgress(reader, 3));
        });

    private static InvalidOperationException NoProgressRow() => new("A recorded progress event has no progress row.");

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

    /// <summary>What one attempt found: <see cref="SameEvent"/> is null when no earlier event was visible under the id.</summary>
    private sealed record RecordOutcome(bool PupilKnown, bool Inserted, bool? SameEvent, MissionProgress? Progress);
}
