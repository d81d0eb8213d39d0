using Npgsql;
using PixOrga.Grains.Interfaces.Common;
using PixOrga.Grains.Interfaces.Missions;
using PixOrga.Grains.Missions.Progress;

namespace PixOrga.Tests.Database;

[Collection(PostgresCollection.Name)]
public sealed class MissionProgressRepositoryTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string School = "0751234A";
    private const string OtherSchool = "0751234B";
    private const string Mission = "proteger-ses-donnees-personnelles";
    private static readonly DateTimeOffset Now = new(2025, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Pupil = Guid.NewGuid();
    private static readonly Guid PupilOfOtherSchool = Guid.NewGuid();
    private string connectionString = string.Empty;
    private NpgsqlDataSource? dataSource;

    private MissionProgressRepository Progress => new(dataSource!);

    public async Task InitializeAsync()
    {
        connectionString = await postgres.CreateMigratedDatabaseAsync();
        dataSource = NpgsqlDataSource.Create(connectionString);
        await AddPupilAsync(Pupil, School, "100000001AA");
        await AddPupilAsync(PupilOfOtherSchool, OtherSchool, "100000002AA");
    }

    public async Task DisposeAsync()
    {
        if (dataSource is not null)
        {
            await dataSource.DisposeAsync();
        }
    }

    [Fact]
    public async Task RecordAsync_NewEvent_OneRoundTrip()
    {
        var (recorded, commands) = await NpgsqlCommandCounter.CountAsync(
            () => Progress.RecordAsync(School, Event("e1", MissionState.Started, step: 2), Now));

        Assert.Equal(1, commands);
        Assert.Equal(new RecordedProgress(new MissionProgress(MissionState.Started, 2, null, Now), Duplicate: false), recorded);
    }

    [Fact]
    public async Task RecordAsync_SameEventAgain_OneRoundTripAndCurrentProgressAsDuplicate()
    {
        await Progress.RecordAsync(School, Event("e1", MissionState.Started, step: 1), Now);
        await Progress.RecordAsync(School, Event("e2", MissionState.Completed, MissionSuccessLevel.Reached, step: 3), Now.AddMinutes(5));

        var (replayed, commands) = await NpgsqlCommandCounter.CountAsync(
            () => Progress.RecordAsync(School, Event("e1", MissionState.Started, step: 1), Now.AddMinutes(9)));

        Assert.Equal(1, commands);
        Assert.Equal(
            new RecordedProgress(new MissionProgress(MissionState.Completed, 3, MissionSuccessLevel.Reached, Now.AddMinutes(5)), Duplicate: true),
            replayed);
        Assert.Equal(2L, await EventCountAsync());
    }

    [Fact]
    public async Task RecordAsync_StartedAgainAfterCompletion_OneRoundTripAndCompletionKept()
    {
        await Progress.RecordAsync(School, Event("e1", MissionState.Completed, MissionSuccessLevel.NotReached, step: 2), Now);

        var (replay, commands) = await NpgsqlCommandCounter.CountAsync(
            () => Progress.RecordAsync(School, Event("e2", MissionState.Started, step: 1), Now.AddMinutes(5)));

        Assert.Equal(1, commands);
        Assert.Equal(
            new RecordedProgress(new MissionProgress(MissionState.Completed, 2, MissionSuccessLevel.NotReached, Now), Duplicate: false),
            replay);
        Assert.Equal(2L, await EventCountAsync());
    }

    [Fact]
    public async Task RecordAsync_EventIdReusedForOtherContent_RefusedAndNothingChanged()
    {
        await Progress.RecordAsync(School, Event("e1", MissionState.Started, step: 1), Now);

        var error = await Assert.ThrowsAsync<DomainException>(
            () => Progress.RecordAsync(School, Event("e1", MissionState.Started, step: 2), Now.AddMinutes(5)));

        Assert.Equal((ErrorKind.AlreadyExists, "EVENT_ID_REUSED"), (error.Kind, error.Errors[0].Code));
        Assert.Equal(1, await SqlHelper.ScalarAsync<int>(connectionString, "SELECT reached_step FROM mission_progress"));
    }

    [Fact]
    public async Task RecordAsync_PupilOfAnotherSchool_PupilUnknownAndNothingWritten()
    {
        await Progress.RecordAsync(OtherSchool, Event("e1", MissionState.Started, step: 1, pupil: PupilOfOtherSchool), Now);

        // The pupil is checked first: an event id used in the other school does not reveal it.
        var reused = await Assert.ThrowsAsync<DomainException>(
            () => Progress.RecordAsync(School, Event("e1", MissionState.Started, step: 1, pupil: PupilOfOtherSchool), Now));
        var fresh = await Assert.ThrowsAsync<DomainException>(
            () => Progress.RecordAsync(School, Event("e2", MissionState.Started, step: 1, pupil: PupilOfOtherSchool), Now));

        Assert.Equal(["PUPIL_NOT_FOUND", "PUPIL_NOT_FOUND"], new[] { reused, fresh }.Select(e => e.Errors[0].Code));
        Assert.Equal(1L, await EventCountAsync());
        Assert.Equal(1L, await SqlHelper.ScalarAsync<long>(connectionString, "SELECT count(*) FROM mission_progress"));
    }

    private static MissionProgressEvent Event(
        string eventId, MissionState state, MissionSuccessLevel? level = null, int step = 0, Guid? pupil = null) =>
        new(eventId, pupil ?? Pupil, Mission, state, step, level);

    private Task<long> EventCountAsync() =>
        SqlHelper.ScalarAsync<long>(connectionString, "SELECT count(*) FROM mission_progress_events");

    private async Task AddPupilAsync(Guid id, string school, string ine)
    {
        await using var command = dataSource!.CreateCommand(
            """
            INSERT INTO students (id, school_uai, ine, last_name, first_name, level, class_label, birth_date, created_at, updated_at)
            VALUES (@id, @school, @ine, 'Martin', 'Léa', 'CM1', 'CM1 A', '2015-03-14', @now, @now)
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("school", school);
        command.Parameters.AddWithValue("ine", ine);
        command.Parameters.AddWithValue("now", Now);
        await command.ExecuteNonQueryAsync();
    }
}
