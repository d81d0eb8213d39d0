using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using PixOrga.Grains.Infrastructure;
using PixOrga.Grains.Interfaces.Roster;

namespace PixOrga.Grains.Roster;

/// <summary>
/// SQL of the <c>roster_imports</c> table: reads, and the commands the school grain writes in the
/// same transaction as the pupils (through <see cref="RosterRepository.CommitAsync"/>).
/// </summary>
public sealed class RosterImportHistory(NpgsqlDataSource dataSource)
{
    public const int MaxPageSize = 100;

    internal const string Columns =
        """
        id, school_uai, status, created_at, created_by, file_name, line_count, added_count, updated_count,
        reactivated_count, deactivated_count, unchanged_count, ignored_duplicate_count, errors, decided_at, decided_by, seq
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<RosterImport?> FindAsync(string uai, Guid id) =>
        FirstAsync($"SELECT {Columns} FROM roster_imports WHERE school_uai = @uai AND id = @id", uai, ("id", id));

    public Task<RosterImport?> FindByIdempotencyKeyAsync(string uai, string key) =>
        FirstAsync($"SELECT {Columns} FROM roster_imports WHERE school_uai = @uai AND idempotency_key = @key", uai, ("key", key));

    public Task<RosterImport?> LastAsync(string uai) =>
        FirstAsync($"SELECT {Columns} FROM roster_imports WHERE school_uai = @uai ORDER BY created_at DESC, seq DESC LIMIT 1", uai);

    /// <summary>Newest first; <paramref name="after"/> is the position returned with the previous page.</summary>
    public Task<RosterImportPage> ListAsync(string uai, int requestedPageSize, string? after) => dataSource.Run(async connection =>
    {
        var pageSize = Math.Clamp(requestedPageSize, 1, MaxPageSize);
        var position = HistoryPosition.Decode(after);
        await using var command = new NpgsqlCommand(
            $"""
            SELECT {Columns} FROM roster_imports
            WHERE school_uai = @uai AND (@afterSeq IS NULL OR (created_at, seq) < (@afterAt, @afterSeq))
            ORDER BY created_at DESC, seq DESC LIMIT @limit
            """,
            connection);
        command.Parameters.AddWithValue("uai", uai);
        command.Parameters.Add(new NpgsqlParameter("afterAt", NpgsqlDbType.TimestampTz) { Value = (object?)position?.At ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("afterSeq", NpgsqlDbType.Bigint) { Value = (object?)position?.Seq ?? DBNull.Value });
        command.Parameters.AddWithValue("limit", pageSize + 1);
        var rows = await ReadAsync(command);
        if (rows.Count <= pageSize)
        {
            return new RosterImportPage(rows.Select(row => row.Import).ToList(), null);
        }

        rows.RemoveAt(rows.Count - 1);
        var last = rows[^1];
        return new RosterImportPage(
            rows.Select(row => row.Import).ToList(),
            HistoryPosition.Encode(new HistoryPosition(last.Import.CreatedAt, last.Seq)));
    });

    public static NpgsqlBatchCommand Insert(RosterImport import, string? encoding, string? contentHash, string? idempotencyKey)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO roster_imports (id, school_uai, status, created_at, created_by, file_name, encoding, line_count,
                added_count, updated_count, reactivated_count, deactivated_count, unchanged_count, ignored_duplicate_count,
                errors, content_hash, idempotency_key)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
            """);
        var counts = import.Counts;
        Add(command, import.Id);
        Add(command, import.Uai);
        Add(command, StatusToDb(import.Status));
        Add(command, import.CreatedAt);
        Add(command, import.CreatedBy);
        Add(command, import.FileName);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)encoding ?? DBNull.Value });
        Add(command, counts.LineCount);
        Add(command, counts.Added);
        Add(command, counts.Updated);
        Add(command, counts.Reactivated);
        Add(command, counts.Deactivated);
        Add(command, counts.Unchanged);
        Add(command, counts.IgnoredDuplicates);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(import.Errors, Json) });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)contentHash ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)idempotencyKey ?? DBNull.Value });
        return command;
    }

    /// <summary>Moves an import out of <c>AWAITING_CONFIRMATION</c>; changes no row if it is no longer there.</summary>
    public static NpgsqlBatchCommand Decide(
        string uai, Guid id, RosterImportStatus status, DateTimeOffset at, Guid? by, RosterImportCounts? counts = null)
    {
        var command = new NpgsqlBatchCommand(
            """
            UPDATE roster_imports SET status = $3, decided_at = $4, decided_by = $5,
                added_count = coalesce($6, added_count), updated_count = coalesce($7, updated_count),
                reactivated_count = coalesce($8, reactivated_count), deactivated_count = coalesce($9, deactivated_count),
                unchanged_count = coalesce($10, unchanged_count)
            WHERE school_uai = $1 AND id = $2 AND status = 'AWAITING_CONFIRMATION'
            """);
        Add(command, uai);
        Add(command, id);
        Add(command, StatusToDb(status));
        Add(command, at);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = (object?)by ?? DBNull.Value });
        foreach (var count in new int?[] { counts?.Added, counts?.Updated, counts?.Reactivated, counts?.Deactivated, counts?.Unchanged })
        {
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = (object?)count ?? DBNull.Value });
        }

        return command;
    }

    private static void Add<T>(NpgsqlBatchCommand command, T value) =>
        command.Parameters.Add(new NpgsqlParameter<T> { TypedValue = value });

    private static string StatusToDb(RosterImportStatus status) => status switch
    {
        RosterImportStatus.Imported => "IMPORTED",
        RosterImportStatus.ValidationError => "VALIDATION_ERROR",
        RosterImportStatus.AwaitingConfirmation => "AWAITING_CONFIRMATION",
        RosterImportStatus.Cancelled => "CANCELLED",
        RosterImportStatus.Unchanged => "UNCHANGED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Only decided imports are stored."),
    };

    private static RosterImportStatus StatusFromDb(string status) => status switch
    {
        "IMPORTED" => RosterImportStatus.Imported,
        "VALIDATION_ERROR" => RosterImportStatus.ValidationError,
        "AWAITING_CONFIRMATION" => RosterImportStatus.AwaitingConfirmation,
        "CANCELLED" => RosterImportStatus.Cancelled,
        "UNCHANGED" => RosterImportStatus.Unchanged,
        _ => RosterImportStatus.Unspecified,
    };

    private Task<RosterImport?> FirstAsync(string sql, string uai, params (string Name, object Value)[] parameters) =>
        dataSource.Run(async connection =>
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("uai", uai);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            var rows = await ReadAsync(command);
            return rows.Count > 0 ? rows[0].Import : null;
        });

    private static async Task<List<(RosterImport Import, long Seq)>> ReadAsync(NpgsqlCommand command)
    {
        var rows = new List<(RosterImport, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((ReadRow(reader), reader.GetInt64(16)));
        }

        return rows;
    }

    /// <summary>The import on the reader's current row, selected with <see cref="Columns"/>.</summary>
    internal static RosterImport ReadRow(NpgsqlDataReader reader)
    {
        var status = StatusFromDb(reader.GetString(2));
        return new RosterImport(
            reader.GetGuid(0),
            reader.GetString(1),
            status,
            reader.GetFieldValue<DateTimeOffset>(3),
            reader.GetGuid(4),
            reader.GetString(5),
            new RosterImportCounts(
                reader.GetInt32(6), reader.GetInt32(7), reader.GetInt32(8), reader.GetInt32(9),
                reader.GetInt32(10), reader.GetInt32(11), reader.GetInt32(12)),
            JsonSerializer.Deserialize<List<RosterImportError>>(reader.GetString(13), Json) ?? [],
            Preview: null,
            reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14),
            reader.IsDBNull(15) ? null : reader.GetGuid(15),
            Replayed: false,
            RequiresConfirmation: status == RosterImportStatus.AwaitingConfirmation);
    }

    /// <summary>Where a page of history ends; opaque to callers.</summary>
    private sealed record HistoryPosition(DateTimeOffset At, long Seq)
    {
        public static string Encode(HistoryPosition position) => JsonSerializer.Serialize(position);

        public static HistoryPosition? Decode(string? after)
        {
            if (string.IsNullOrEmpty(after))
            {
                return null;
            }

            try
            {
                return JsonSerializer.Deserialize<HistoryPosition>(after)
                    ?? throw RosterErrors.InvalidPageToken();
            }
            catch (JsonException)
            {
                throw RosterErrors.InvalidPageToken();
            }
        }
    }
}
