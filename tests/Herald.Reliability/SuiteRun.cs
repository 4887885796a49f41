using System.Diagnostics;
using Herald.Reliability.Infrastructure;
using Herald.Reliability.Report;
using Herald.Reliability.Scenarios;
using Herald.Testing.Processes;
using Herald.Testing.Reports;
using Npgsql;

namespace Herald.Reliability;

/// <summary>One run: the chosen scenarios in order, each with processes and a database of its own; then the report and the exit code.</summary>
public static class SuiteRun
{
    private static readonly (string Key, string Name, Func<SuiteContext, Task> Run)[] Scenarios =
    [
        ("chaos", ChaosScenario.Name, ChaosScenario.RunAsync),
        ("outage", OutageScenario.Name, OutageScenario.RunAsync),
        ("kill", KillScenario.Name, KillScenario.RunAsync),
        ("hostile", HostileScenario.Name, HostileScenario.RunAsync),
    ];

    public static async Task<int> RunAsync(SuiteOptions options)
    {
        var clock = Stopwatch.StartNew();
        var machine = Machine.Describe(options.RepoRoot);
        machine.PostgreSql = await ServerVersionAsync(options.ServerConnectionString);
        var loadBefore = Machine.LoadAverage();
        var results = new SuiteResults();
        using var guard = new ExitGuard();
        var context = new SuiteContext(options, results, guard);
        Console.WriteLine($"Herald reliability suite ({(options.Quick ? "quick" : "full")}), {machine.Cores} cores, load {loadBefore}, commit {machine.Commit}, seed {options.Seed}; logs in {context.Logs}");

        foreach (var (key, name, run) in Scenarios.Where(s => options.Runs(s.Key)))
        {
            var left = options.Sizes.Limit - clock.Elapsed;
            context.Log($"scenario {name}");
            var scenario = run(context);
            if (await Task.WhenAny(scenario, Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero)) != scenario)
            {
                // Its processes are killed as the suite exits (the exit guard); nothing more runs beside them.
                results.Check(name, "the scenario ends within the suite's time limit", false, $"still running after {options.Sizes.Limit.TotalMinutes:0} min; stopped");
                break;
            }
            if (scenario.Exception?.GetBaseException() is { } exception)
            {
                results.Check(name, "the scenario runs to its end", false, $"{exception.GetType().Name}: {exception.Message}");
                Console.WriteLine(exception);
            }
        }

        var loadAfter = Machine.LoadAverage();
        if (options.OutputPath is { } output)
        {
            await ReliabilityReport.WriteAsync(output, options, machine, results, loadBefore, loadAfter, clock.Elapsed);
            Console.WriteLine($"Wrote {output}");
        }
        var failures = results.Failures.ToList();
        Console.WriteLine(failures.Count == 0
            ? $"Done in {clock.Elapsed.TotalSeconds:0} s: all {results.Checks.Count} checks held."
            : $"Done in {clock.Elapsed.TotalSeconds:0} s: {failures.Count} of {results.Checks.Count} checks FAILED:\n  " +
              string.Join("\n  ", failures.Select(f => $"{f.Scenario}: {f.Promise} — {f.Seen}")));
        return failures.Count == 0 ? 0 : 1;
    }

    private static async Task<string> ServerVersionAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select split_part(version(), ' on ', 1)", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
