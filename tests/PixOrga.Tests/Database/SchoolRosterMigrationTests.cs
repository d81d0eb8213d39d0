using Npgsql;
using PixOrga.Grains.Roster;
using PixOrga.Silo.Database;

namespace PixOrga.Tests.Database;

/// <summary>The move of each school's content hash and held import from its Orleans state to <c>school_rosters</c>.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SchoolRosterMigrationTests(PostgresFixture postgres)
{
    // The school grain's "school-roster" state as the System.Text.Json grain storage wrote it.
    private const string HeldState =
        """
        {"LastAppliedContentHash":"hash-a","Pending":{"ImportId":"0193f3a2-7c1e-7d4b-9a55-2f0c4c1b9e01","ContentHash":"hash-b",
         "Pupils":[{"Ine":"123456789AB","LastName":"Martin","FirstName":"Léa","Cycle":"CYCLE III","Level":0,"ClassLabel":"CM1 A","BirthDate":"2014-05-06"}]}}
        """;

    [Fact]
    public async Task Migration_GrainStateWithHeldImport_MovesToSchoolRostersAndLoads()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        await InsertGrainStateAsync(connectionString, "uai:0751234A", HeldState);
        await InsertGrainStateAsync(connectionString, "uai:0751235B", """{"LastAppliedContentHash":"hash-c","Pending":null}""");
        await SqlHelper.ExecuteAsync(
            connectionString,
            """
            INSERT INTO roster_imports (id, school_uai, status, created_at, created_by, file_name)
            VALUES ('0193f3a2-7c1e-7d4b-9a55-2f0c4c1b9e01', '0751234A', 'AWAITING_CONFIRMATION', now(), gen_random_uuid(), 'onde.csv')
            """);

        await SqlHelper.ExecuteAsync(connectionString, Script("0010_school_rosters_from_grain_state.sql"));

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var held = (await new RosterRepository(dataSource).LoadAsync("0751234A")).Head;
        var plain = (await new RosterRepository(dataSource).LoadAsync("0751235B")).Head;
        Assert.Equal(("hash-a", 1L), (held.ContentHash, held.Version));
        Assert.Equal("hash-b", held.Held!.ContentHash);
        var pupil = Assert.Single(held.Held.Pupils);
        Assert.Equal(("123456789AB", "Léa", new DateOnly(2014, 5, 6)), (pupil.Ine, pupil.FirstName, pupil.BirthDate));
        Assert.Equal(("hash-c", (HeldImport?)null), (plain.ContentHash, plain.Held));
        Assert.Equal(0L, await SqlHelper.ScalarAsync<long>(connectionString, "SELECT count(*) FROM orleans_storage WHERE grain_type = 'school-roster'"));
    }

    private static string Script(string name) => MigrationScripts.Load().Single(script => script.Name == name).Contents;

    private static Task InsertGrainStateAsync(string connectionString, string key, string json) => SqlHelper.ExecuteAsync(
        connectionString,
        """
        INSERT INTO orleans_storage (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, grain_id_hash, grain_type_hash, payload, version)
        VALUES ('pixorga', 'school-roster', 0, 0, @k, 1, 2, convert_to(@j, 'UTF8'), 1)
        """,
        ("k", key), ("j", json));
}
