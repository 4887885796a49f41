namespace Herald.Bench.Report;

/// <summary>
/// One row of the results table: a quantity measured once per repetition of its scenario, each value beside its ratio
/// to the limit measured just before it (<see cref="RatioOf"/>), and the detail of each repetition.
/// <see cref="Key"/> names the row across runs and builds (<c>scripts/bench.sh --compare</c> matches rows by it).
/// </summary>
public sealed class Figure(string key, string scenario, string name, string unit)
{
    private readonly List<double> _values = [];
    private readonly List<double> _ratios = [];
    private readonly List<double> _secondary = [];
    private readonly List<string> _details = [];

    public string Key => key;
    public string Scenario => scenario;
    public string Name => name;
    public string Unit => unit;

    /// <summary>How values print ("N0", "N1", "0.0", "0.00").</summary>
    public string Format { get; init; } = "N0";

    public Limit? RatioOf { get; init; }

    /// <summary>
    /// A second ratio, shown beside the first: the pipe limit of the same kind for ingest, drain and sustained (the
    /// ratio to compare across machines), the database limit for other rates that write rows.
    /// </summary>
    public Limit? AlsoOf { get; init; }

    public Target? Target { get; init; }

    public Spread Value => new(_values);
    public Spread Ratio => new(_ratios);
    public Spread Secondary => new(_secondary);

    /// <summary>The detail of the repetition whose value is the median (or the only one).</summary>
    public string Detail => _details.Count == 0 ? "" : _details[MedianIndex()];

    public bool? Met => Target?.Met(this);

    public void Add(double value, double ratio, double secondary, string detail)
    {
        _values.Add(value);
        if (RatioOf is not null)
        {
            _ratios.Add(ratio);
        }
        if (AlsoOf is not null)
        {
            _secondary.Add(secondary);
        }
        _details.Add(detail);
    }

    private int MedianIndex()
    {
        var median = Value.Median;
        var index = _values.IndexOf(median);
        return index < 0 || index >= _details.Count ? _details.Count - 1 : index;
    }
}
