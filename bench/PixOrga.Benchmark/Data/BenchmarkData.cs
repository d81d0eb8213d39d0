namespace PixOrga.Benchmark.Data;

/// <summary>Every file of both generations, generated once and held in memory for the run.</summary>
public sealed class BenchmarkData
{
    private BenchmarkData(SchoolDataset dataset, OndeFile[] first, OndeFile[] second)
    {
        Dataset = dataset;
        First = first;
        Second = second;
    }

    public SchoolDataset Dataset { get; }

    public IReadOnlyList<OndeFile> First { get; }

    public IReadOnlyList<OndeFile> Second { get; }

    public IReadOnlyList<OndeFile> Generation(int generation) => generation == 1 ? First : Second;

    public IEnumerable<OndeFile> AllFiles => First.Concat(Second);

    public static BenchmarkData Generate(DatasetSettings settings)
    {
        var dataset = SchoolDataset.Generate(settings);
        var first = new OndeFile[dataset.Schools.Count];
        var second = new OndeFile[dataset.Schools.Count];
        Parallel.For(0, dataset.Schools.Count, i =>
        {
            (first[i], second[i]) = OndeFileGenerator.Generate(dataset.Schools[i], settings.Seed);
        });
        return new BenchmarkData(dataset, first, second);
    }
}
