extern alias bench;

using bench::PixOrga.Benchmark;
using bench::PixOrga.Benchmark.Data;
using bench::PixOrga.Benchmark.Driver;
using PixOrga.Tests.EndToEnd;
using PixOrga.Tests.Infrastructure;

namespace PixOrga.Tests.Benchmark;

/// <summary>
/// The rentrée benchmark's core, scaled down to 200 schools against the test app: it must import
/// every school's two generations with the exact counts and leave rosters that count right.
/// Correctness only; speed is what scripts/bench.sh reports.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class BenchmarkSmokeTests(PixOrgaApp app)
{
    private const int Schools = 200;

    [Fact]
    public async Task RunAsync_TwoHundredSchoolsTwoGenerations_EveryImportExactAndRostersCountRight()
    {
        // UAIs of their own: the test app's database is shared with the other end-to-end tests.
        var data = BenchmarkData.Generate(new DatasetSettings(Schools, UaiSerialStart: 5000 + Random.Shared.Next(4000)));
        var driver = new RentreeDriver(app.Channel, new DriverSettings
        {
            Concurrency = 16,
            SetupConcurrency = 8,
            ReadsPerSecond = 10,
            SchoolsPerAdmin = 50,
            VerifySchools = Schools,
            RunTag = "smoke" + Guid.NewGuid().ToString("N")[..8],
            OperatorClientId = PixOrgaApp.OperatorClient,
            OperatorSecret = PixOrgaApp.OperatorSecret,
        }, new SmtpInvitationInbox(app));

        var result = await driver.RunAsync(data, CancellationToken.None);

        Assert.False(result.Stopped, result.StopReason);
        Assert.Equal(Schools, result.DirectoryCreated);
        Assert.Equal(Schools, result.SchoolsAdministered);
        Assert.Equal(4, result.AdminAccounts);
        Assert.Collection(
            result.Phases,
            first => AssertEveryImportExact(first, 1, data.First.Sum(f => (long)f.Rows)),
            second => AssertEveryImportExact(second, 2, data.Second.Sum(f => (long)f.Rows)));
        Assert.Equal(Schools, result.VerifiedSchools);
        Assert.Empty(result.VerificationMismatches);
    }

    [Fact]
    public void Generate_SameSettings_SameBytesAndRealisticShape()
    {
        var settings = new DatasetSettings(2000);

        var first = BenchmarkData.Generate(settings);
        var again = BenchmarkData.Generate(settings);

        Assert.Equal(first.First.Select(f => f.Bytes), again.First.Select(f => f.Bytes));
        Assert.Equal(first.Second.Select(f => f.Bytes), again.Second.Select(f => f.Bytes));
        Assert.InRange(first.First.Average(f => f.Rows), 30, 40);
        Assert.InRange(first.First.Max(f => f.Rows), 150, SchoolDataset.MaxPupils);
        Assert.InRange(first.Dataset.Schools.Count(s => s.Windows1252) / 2000.0, 0.25, 0.45);
        Assert.Equal(2000, first.Dataset.Schools.Select(s => s.Uai).Distinct().Count());
        // The rentrée never trips the safety hold (more than 60 % deactivated waits for a confirmation).
        Assert.All(first.First.Zip(first.Second), pair => Assert.True(pair.Second.Expected.Deactivated * 100 <= 60 * pair.First.Rows));
    }

    [Fact]
    public void Parse_NoStopGiven_StopGrowsWithTheSchoolsAndTheSecondSiloNeedsTheSiloDll()
    {
        var country = BenchmarkOptions.Parse(["--silo", "PixOrga.Silo.dll"]);
        var small = BenchmarkOptions.Parse(["--silo", "PixOrga.Silo.dll", "--schools", "1000", "--silos", "2", "--setup-concurrency", "8"]);
        var bounded = BenchmarkOptions.Parse(["--silo", "PixOrga.Silo.dll", "--max-seconds", "90"]);

        // The whole country gets far more than the 1,200 s that used to cut its second burst, yet a bound.
        Assert.InRange(country.StopAfterSeconds, 2400, 4 * 3600);
        Assert.Equal(360, small.StopAfterSeconds);
        Assert.Equal((2, 8), (small.Silos, small.SetupConcurrency));
        Assert.Equal(90, bounded.StopAfterSeconds);
        Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse(["--target", "http://127.0.0.1:5080", "--outbox", "out", "--silos", "2"]));
    }

    private static void AssertEveryImportExact(PhaseResult phase, int generation, long rows)
    {
        Assert.Equal(generation, phase.Generation);
        Assert.True(phase.Completed);
        Assert.Equal(0, phase.Errors);
        Assert.Empty(phase.ErrorSamples);
        Assert.Equal(Schools, phase.Imported);
        Assert.Equal(rows, phase.Rows);
        Assert.Equal(0, phase.ReadErrors);
    }
}
