using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace PixOrga.Benchmark.Baselines;

/// <summary>
/// What PostgreSQL alone does with the same rows, in a database of its own on the same server:
/// a binary COPY of every row into a plain table, and the per-school import transaction of the
/// product (one unnest upsert, the deactivation update, one history row, commit) issued straight
/// from Npgsql, at several concurrencies.
/// </summary>
public sealed class PostgresBaselines(string serverConnectionString, TextWriter? log)
{
    public const string Database = "pixorga_baseline";

    // The shape of the product's tables (0007_roster.sql), so the transactions pay the same indexes.
    private const string Schema = """
        CREATE TABLE copy_students (
            id uuid NOT NULL, school_uai text NOT NULL, ine text NOT NULL, last_name text NOT NULL, first_name text NOT NULL,
            level text NOT NULL, class_label text NOT NULL, birth_date date NOT NULL, active boolean NOT NULL,
            created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
        CREATE TABLE students (
            id uuid NOT NULL, school_uai text NOT NULL, ine text NOT NULL, last_name text NOT NULL, first_name text NOT NULL,
            level text NOT NULL, class_label text NOT NULL, birth_date date NOT NULL, active boolean NOT NULL DEFAULT true,
            created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, deactivated_at timestamptz NULL,
            CONSTRAINT students_pkey PRIMARY KEY (id),
            CONSTRAINT students_school_ine UNIQUE (school_uai, ine),
            CONSTRAINT students_level CHECK (level IN ('CM1', 'CM2')));
        CREATE INDEX students_by_ine ON students (ine);
        CREATE INDEX students_by_school_class ON students (school_uai, active, class_label);
        CREATE TABLE roster_imports (
            id uuid NOT NULL, seq bigint GENERATED ALWAYS AS IDENTITY, school_uai text NOT NULL, status text NOT NULL,
            created_at timestamptz NOT NULL, created_by uuid NOT NULL, file_name text NOT NULL, line_count integer NOT NULL,
            added_count integer NOT NULL, deactivated_count integer NOT NULL, errors jsonb NOT NULL DEFAULT '[]',
            CONSTRAINT roster_imports_pkey PRIMARY KEY (id));
        CREATE INDEX roster_imports_by_school ON roster_imports (school_uai, created_at DESC, seq DESC);
        """;

    public async Task<NpgsqlDataSource> CreateDatabaseAsync(int maxConnections)
    {
        await using (var server = NpgsqlDataSource.Create(serverConnectionString))
        {
            await using var drop = server.CreateCommand($"DROP DATABASE IF EXISTS {Database}");
            await drop.ExecuteNonQueryAsync();
            await using var create = server.CreateCommand($"CREATE DATABASE {Database}");
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = Database, MaxPoolSize = maxConnections };
        var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        await using var schema = dataSource.CreateCommand(Schema);
        await schema.ExecuteNonQueryAsync();
        return dataSource;
    }

    /// <summary>Binary COPY of every row of <paramref name="schools"/> into the plain table, one connection (synchronous writes: the fastest path).</summary>
    public static async Task<RateResult> CopyAsync(NpgsqlDataSource dataSource, IReadOnlyList<ParsedSchool> schools)
    {
        var now = DateTimeOffset.UtcNow;
        await using var connection = await dataSource.OpenConnectionAsync();
        var started = Stopwatch.GetTimestamp();
        long rows = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY copy_students (id, school_uai, ine, last_name, first_name, level, class_label, birth_date, active, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var school in schools)
            {
                for (var i = 0; i < school.Count; i++)
                {
                    importer.StartRow();
                    importer.Write(Guid.CreateVersion7(now), NpgsqlDbType.Uuid);
                    importer.Write(school.Uai, NpgsqlDbType.Text);
                    importer.Write(school.Ines[i], NpgsqlDbType.Text);
                    importer.Write(school.LastNames[i], NpgsqlDbType.Text);
                    importer.Write(school.FirstNames[i], NpgsqlDbType.Text);
                    importer.Write(school.Levels[i], NpgsqlDbType.Text);
                    importer.Write(school.ClassLabels[i], NpgsqlDbType.Text);
                    importer.Write(school.BirthDates[i], NpgsqlDbType.Date);
                    importer.Write(true, NpgsqlDbType.Boolean);
                    importer.Write(now, NpgsqlDbType.TimestampTz);
                    importer.Write(now, NpgsqlDbType.TimestampTz);
                }

                rows += school.Count;
            }

            await importer.CompleteAsync();
        }

        return new RateResult(rows, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>
    /// Both generations of <paramref name="first"/>/<paramref name="second"/> as one transaction
    /// per school and generation, <paramref name="concurrency"/> at a time, on emptied tables.
    /// </summary>
    public async Task<RateResult> TransactionsAsync(
        NpgsqlDataSource dataSource, IReadOnlyList<ParsedSchool> first, IReadOnlyList<ParsedSchool> second, int concurrency)
    {
        await using (var truncate = dataSource.CreateCommand("TRUNCATE students, roster_imports"))
        {
            await truncate.ExecuteNonQueryAsync();
        }

        var admin = Guid.NewGuid();
        var started = Stopwatch.GetTimestamp();
        foreach (var generation in new[] { first, second })
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, generation.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
            {
                var leaving = generation == second ? first[i].Ines.Except(second[i].Ines, StringComparer.Ordinal).ToArray() : [];
                await ImportOneAsync(dataSource, generation[i], leaving, admin);
            });
        }

        var result = new RateResult(first.Count + second.Count, Stopwatch.GetElapsedTime(started).TotalSeconds);
        log?.WriteLine($"  bare transactions, {concurrency,2} connections: {result.PerSecond,7:N0} schools/s");
        return result;
    }

    private static async Task ImportOneAsync(NpgsqlDataSource dataSource, ParsedSchool school, string[] leaving, Guid admin)
    {
        var now = DateTimeOffset.UtcNow;
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        var upsert = new NpgsqlBatchCommand(
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
        upsert.Parameters.Add(new NpgsqlParameter { Value = school.Uai });
        upsert.Parameters.Add(new NpgsqlParameter { Value = now });
        upsert.Parameters.Add(new NpgsqlParameter { Value = school.Ines.Select(_ => Guid.CreateVersion7(now)).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = school.Ines });
        upsert.Parameters.Add(new NpgsqlParameter { Value = school.LastNames });
        upsert.Parameters.Add(new NpgsqlParameter { Value = school.FirstNames });
        upsert.Parameters.Add(new NpgsqlParameter { Value = school.Levels });
        upsert.Parameters.Add(new NpgsqlParameter { Value = school.ClassLabels });
        upsert.Parameters.Add(new NpgsqlParameter { Value = school.BirthDates });
        batch.BatchCommands.Add(upsert);

        var deactivate = new NpgsqlBatchCommand(
            "UPDATE students SET active = false, deactivated_at = $2, updated_at = $2 WHERE school_uai = $1 AND active AND ine = ANY($3)");
        deactivate.Parameters.Add(new NpgsqlParameter { Value = school.Uai });
        deactivate.Parameters.Add(new NpgsqlParameter { Value = now });
        deactivate.Parameters.Add(new NpgsqlParameter { Value = leaving });
        batch.BatchCommands.Add(deactivate);

        var history = new NpgsqlBatchCommand(
            """
            INSERT INTO roster_imports (id, school_uai, status, created_at, created_by, file_name, line_count, added_count, deactivated_count)
            VALUES ($1, $2, 'IMPORTED', $3, $4, $5, $6, $6, $7)
            """);
        history.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7(now) });
        history.Parameters.Add(new NpgsqlParameter { Value = school.Uai });
        history.Parameters.Add(new NpgsqlParameter { Value = now });
        history.Parameters.Add(new NpgsqlParameter { Value = admin });
        history.Parameters.Add(new NpgsqlParameter { Value = "ONDE_" + school.Uai + ".csv" });
        history.Parameters.Add(new NpgsqlParameter { Value = school.Count });
        history.Parameters.Add(new NpgsqlParameter { Value = leaving.Length });
        batch.BatchCommands.Add(history);

        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
