using System.Text.Json;
using System.Text.Json.Serialization;

namespace Herald.Bench.Report;

/// <summary>The run as JSON, for <c>Herald.Bench compare</c> (and <c>scripts/bench.sh --compare</c>).</summary>
public static class JsonReport
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task WriteAsync(string path, RunReport report)
    {
        var results = report.Results;
        var data = new RunData(
            report.Machine.Date.ToString("O"),
            report.Machine.Commit,
            report.Options.ApiDll,
            report.Options.Command,
            report.Options.Quick,
            report.Options.Busy,
            report.Load.Summary,
            report.Load.OthersShare,
            Enum.GetValues<Limit>().ToDictionary(l => l.ToString(), l => results.LimitRuns(l).ToArray()),
            [.. results.Figures.Select(f => new FigureData(f.Key, f.Scenario, f.Name, f.Unit, [.. f.Value.Values], [.. f.Ratio.Values], f.RatioOf?.Short(), f.Met,
                [.. f.Secondary.Values], f.AlsoOf?.Short()))],
            report.Options.Slow);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(data, Options));
    }

    public static RunData Read(string path) =>
        JsonSerializer.Deserialize<RunData>(File.ReadAllText(path), Options) ?? throw new InvalidDataException($"{path} holds no run.");
}
