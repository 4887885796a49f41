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
        Assert.Contains("| 0.60× | 0.040× wire | 0.030× wire | 0.75× | 1.00× |", row, StringComparison.Ordinal);
    }

    [Fact]
    public void The_second_ratio_has_its_own_change_and_its_own_run_median_column()
    {
        var folder = Directory.CreateTempSubdirectory("herald-compare-").FullName;
        // The pipe's sustained limit: A's median 1,000/s, B's 750/s (0.75×). The figure fell to 0.6× (1,000 → 600), its
        // second ratio from 0.9 to 0.8 (0.8 ÷ 0.9 = 0.89×); machine-adjusted by the pipe, 0.6 ÷ 0.75 = 0.80×.
        var a = Write(folder, "a.json", Run([20_000, 30_000, 25_000], value: 1_000, ratio: 0.04, pipe: [800, 1_000, 1_200], secondary: 0.9));
        var b = Write(folder, "b.json", Run([10_000, 15_000, 20_000], value: 600, ratio: 0.03, pipe: [700, 750, 800], secondary: 0.8));
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
        Assert.EndsWith("| 0.75× | 1.00× | pipe sustained | 0.89× | 0.80× |", row.TrimEnd());
    }

    [Fact]
    public void A_report_written_before_the_second_ratios_were_stored_still_compares_its_side_reading_na()
    {
        var folder = Directory.CreateTempSubdirectory("herald-compare-").FullName;
        var old = JsonSerializer.SerializeToNode(Run([20_000, 30_000, 25_000], value: 1_000, ratio: 0.04), JsonReport.Options)!;
        var figure = old["Figures"]![0]!.AsObject();
        figure.Remove(nameof(FigureData.Secondary));
        figure.Remove(nameof(FigureData.AlsoOf));
        var a = Path.Combine(folder, "a.json");
        File.WriteAllText(a, old.ToJsonString());
        var b = Write(folder, "b.json", Run([10_000, 15_000, 20_000], value: 600, ratio: 0.03, pipe: [700, 750, 800], secondary: 0.8));
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
        Assert.EndsWith("| 0.60× | 0.040× wire | 0.030× wire | 0.75× | 1.00× | pipe sustained | n/a | n/a |", row.TrimEnd());
    }

    private static RunData Run(double[] wire, double value, double ratio, double[]? pipe = null, double secondary = double.NaN)
    {
        var limits = new Dictionary<string, double[]> { [nameof(Limit.Wire)] = wire };
        if (pipe is not null)
        {
            limits[nameof(Limit.PipeSustained)] = pipe;
        }
        return new("2026-12-07T00:00:00Z", "test", "api", "command", Quick: false, Busy: false, "load", 0, limits,
            [new FigureData("sustained.100", "2 delivery", "sustained publish-and-deliver, 100 webhooks", "events/s", [value], [ratio], Limit.Wire.Short(), null,
                pipe is null ? [] : [secondary], pipe is null ? null : Limit.PipeSustained.Short())]);
    }

    private static string Write(string folder, string name, RunData run)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, JsonSerializer.Serialize(run, JsonReport.Options));
        return path;
    }
}
