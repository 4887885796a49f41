using System.Text.Json;
using Herald.Bench.Report;

namespace Herald.Bench.Tests;

public sealed class CompareTests
{
    [Fact]
    public void The_last_column_divides_the_change_of_a_value_by_the_change_of_its_limits_median_over_each_run()
    {
        // A: the wire's median 25,000/s, B: 15,000/s (0.6×); the figure fell to 0.6× too, so machine-adjusted it held.
        var row = CompareRow(Json(Run([20_000, 30_000, 25_000], value: 1_000, ratio: 0.04)), Run([10_000, 15_000, 20_000], value: 600, ratio: 0.03));

        Assert.Contains("| 0.60× | 0.040× wire | 0.030× wire | 0.75× | 1.00× |", row, StringComparison.Ordinal);
    }

    [Fact]
    public void The_second_ratio_has_its_own_change_and_its_own_run_median_column()
    {
        // The pipe's sustained limit: A's median 1,000/s, B's 750/s (0.75×). The figure fell to 0.6× (1,000 → 600), its
        // second ratio from 0.9 to 0.8 (0.8 ÷ 0.9 = 0.89×); machine-adjusted by the pipe, 0.6 ÷ 0.75 = 0.80×.
        var row = CompareRow(
            Json(Run([20_000, 30_000, 25_000], value: 1_000, ratio: 0.04, pipe: [800, 1_000, 1_200], secondary: 0.9)),
            Run([10_000, 15_000, 20_000], value: 600, ratio: 0.03, pipe: [700, 750, 800], secondary: 0.8));

        Assert.EndsWith("| 0.75× | 1.00× | pipe sustained | 0.89× | 0.80× |", row);
    }

    [Fact]
    public void A_report_written_before_the_second_ratios_were_stored_still_compares_its_side_reading_na()
    {
        var old = JsonSerializer.SerializeToNode(Run([20_000, 30_000, 25_000], value: 1_000, ratio: 0.04), JsonReport.Options)!;
        var figure = old["Figures"]![0]!.AsObject();
        figure.Remove(nameof(FigureData.Secondary));
        figure.Remove(nameof(FigureData.AlsoOf));

        var row = CompareRow(old.ToJsonString(), Run([10_000, 15_000, 20_000], value: 600, ratio: 0.03, pipe: [700, 750, 800], secondary: 0.8));

        Assert.EndsWith("| 0.60× | 0.040× wire | 0.030× wire | 0.75× | 1.00× | pipe sustained | n/a | n/a |", row);
    }

    /// <summary>compare of A (JSON text) and B, in files of a temporary folder: the sustained figure's row, trimmed.</summary>
    private static string CompareRow(string a, RunData b)
    {
        var folder = Directory.CreateTempSubdirectory("herald-compare-").FullName;
        using var output = new StringWriter();
        try
        {
            var (pathA, pathB) = (Path.Combine(folder, "a.json"), Path.Combine(folder, "b.json"));
            File.WriteAllText(pathA, a);
            File.WriteAllText(pathB, Json(b));
            Compare.Run([pathA, pathB], output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return output.ToString().Split('\n').Single(line => line.StartsWith("| sustained publish-and-deliver", StringComparison.Ordinal)).TrimEnd();
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

    private static string Json(RunData run) => JsonSerializer.Serialize(run, JsonReport.Options);
}
