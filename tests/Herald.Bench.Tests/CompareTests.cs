using System.Text.Json;
using Herald.Bench.Report;

namespace Herald.Bench.Tests;

public sealed class CompareTests
{
    [Fact]
    public void The_last_column_divides_the_change_of_a_value_by_the_change_of_its_limits_median_over_each_run()
    {
        var folder = Directory.CreateTempSubdirectory("herald-compare-").FullName;
        // A: the wire's median 25,000/s, B: 15,000/s (0.6×); the figure fell to 0.6× too, so machine-adjusted it held.
        var a = Write(folder, "a.json", Run([20_000, 30_000, 25_000], value: 1_000, ratio: 0.04));
        var b = Write(folder, "b.json", Run([10_000, 15_000, 20_000], value: 600, ratio: 0.03));
        using var output = new StringWriter();

        try
        {
            Compare.Run([a, b], output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var row = output.ToString().Split('\n').Single(line => line.StartsWith("| sustained publish-and-deliver", StringComparison.Ordinal));
        Assert.EndsWith("| 0.60× | 0.040× wire | 0.030× wire | 0.75× | 1.00× |", row.TrimEnd());
    }

    private static RunData Run(double[] wire, double value, double ratio) => new(
        "2026-12-07T00:00:00Z", "test", "api", "command", Quick: false, Busy: false, "load", 0,
        new Dictionary<string, double[]> { [nameof(Limit.Wire)] = wire },
        [new FigureData("sustained.100", "2 delivery", "sustained publish-and-deliver, 100 webhooks", "events/s", [value], [ratio], Limit.Wire.Short(), null)]);

    private static string Write(string folder, string name, RunData run)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, JsonSerializer.Serialize(run, JsonReport.Options));
        return path;
    }
}
