namespace Herald.Bench.Report;

/// <summary>
/// One row of the results table: a quantity measured once per repetition of its scenario, each value beside its ratio
/// to the limit measured around it (<see cref="RatioOf"/>: the geometric mean of the measurements just before and just
/// after the repetition, or the one before while none has followed), and the detail of each repetition.
/// <see cref="Key"/> names the row across runs and builds (<c>scripts/bench.sh --compare</c> matches rows by it).
/// </summary>
public sealed class Figure(string key, string scenario, string name, string unit)
{
    private readonly List<double> _values = [];
    private readonly List<double> _ratios = [];
    private readonly List<double> _secondary = [];
    private readonly List<string> _details = [];
    // Per repetition: which measurement of RatioOf / AlsoOf its ratio was taken against, until one after it brackets it.
    private readonly List<int> _ratioBefore = [];
    private readonly List<int> _secondaryBefore = [];

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

    /// <summary>
    /// Adds a repetition with its ratios to the limits measured last (<paramref name="ratioBefore"/> and
    /// <paramref name="secondaryBefore"/> number those measurements, so that <see cref="Bracket"/> can replace them).
    /// </summary>
    public void Add(double value, double ratio, int ratioBefore, double secondary, int secondaryBefore, string detail)
    {
        _values.Add(value);
        if (RatioOf is not null)
        {
            _ratios.Add(ratio);
            _ratioBefore.Add(ratioBefore);
        }
        if (AlsoOf is not null)
        {
            _secondary.Add(secondary);
            _secondaryBefore.Add(secondaryBefore);
        }
        _details.Add(detail);
    }

    /// <summary>
    /// <paramref name="limit"/> was measured again after measurement <paramref name="before"/>: the repetitions taken
    /// against that one are divided by <paramref name="around"/> (the mean of the two) instead, once.
    /// </summary>
    public void Bracket(Limit limit, int before, double around)
    {
        if (RatioOf == limit)
        {
            Rebase(_ratios, _ratioBefore, before, around);
        }
        if (AlsoOf == limit)
        {
            Rebase(_secondary, _secondaryBefore, before, around);
        }
    }

    private void Rebase(List<double> ratios, List<int> measuredBefore, int before, double around)
    {
        for (var i = 0; i < ratios.Count; i++)
        {
            if (measuredBefore[i] == before && !double.IsNaN(_values[i]))
            {
                ratios[i] = _values[i] / around;
                measuredBefore[i] = -1;
            }
        }
    }

    private int MedianIndex()
    {
        var median = Value.Median;
        var index = _values.IndexOf(median);
        return index < 0 || index >= _details.Count ? _details.Count - 1 : index;
    }
}
