using Microsoft.Extensions.Logging.Abstractions;
using PixOrga.Silo.Database;

namespace PixOrga.Tests.Database;

[Collection(PostgresCollection.Name)]
public sealed class DatabaseMigratorTests(PostgresFixture postgres)
{
    private static readonly string[] ExpectedQueryKeys =
    [
        "CleanupDefunctSiloEntriesKey", "ClearStorageKey", "DeleteMembershipTableEntriesKey", "DeleteStorageKey",
        "GatewaysQueryKey", "InsertMembershipKey", "InsertMembershipVersionKey", "MembershipReadAllKey",
        "MembershipReadRowKey", "ReadFromStorageKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey", "WriteToStorageKey",
    ];

    [Fact]
    public async Task MigrateAsync_MissingDatabase_CreatesItWithEveryOrleansQuery()
    {
        var connectionString = postgres.NewDatabaseConnectionString();

        await DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, CancellationToken.None);

        var keys = await SqlHelper.RowsAsync(connectionString, "SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey COLLATE \"C\"");
        Assert.Equal(ExpectedQueryKeys, keys.Select(row => (string)row[0]!));
    }

    [Fact]
    public async Task MigrateAsync_AppliedTwice_ChangesNothing()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var before = await SchemaSnapshotAsync(connectionString);

        await DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, CancellationToken.None);

        Assert.Equal(before, await SchemaSnapshotAsync(connectionString));
    }

    [Fact]
    public async Task MigrateAsync_ConcurrentStartsOnFreshDatabase_ApplyEachScriptOnce()
    {
        var connectionString = postgres.NewDatabaseConnectionString();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, CancellationToken.None))));

        var scripts = await SqlHelper.RowsAsync(connectionString, "SELECT scriptname FROM schema_versions ORDER BY scriptname");
        // Every embedded script, each once: the list grows with each feature's migration.
        Assert.Equal(
            MigrationScripts.Load().Select(script => script.Name).Order(StringComparer.Ordinal),
            scripts.Select(row => (string)row[0]!));
        Assert.Equal("0001_orleans_query_table.sql", scripts[0][0]);
    }

    [Fact]
    public async Task SchoolsTable_LowerCaseUai_IsRejected()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();

        var exception = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => SqlHelper.ExecuteAsync(
            connectionString, "INSERT INTO schools (uai, name) VALUES ('0751234a', 'École du Parc')"));

        Assert.Equal("schools_uai_upper_case", exception.ConstraintName);
        Assert.Equal(0L, await SqlHelper.ScalarAsync<long>(connectionString, "SELECT count(*) FROM schools"));
    }

    private static async Task<string> SchemaSnapshotAsync(string connectionString)
    {
        var parts = new List<string>();
        foreach (var sql in new[]
        {
            "SELECT scriptname, applied::text FROM schema_versions ORDER BY scriptname",
            "SELECT QueryKey, md5(QueryText) FROM OrleansQuery ORDER BY QueryKey",
            "SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname",
            "SELECT p.proname, md5(p.prosrc) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' ORDER BY p.proname",
        })
        {
            var rows = await SqlHelper.RowsAsync(connectionString, sql);
            parts.AddRange(rows.Select(row => string.Join('|', row)));
            parts.Add("--");
        }

        return string.Join('\n', parts);
    }
}
