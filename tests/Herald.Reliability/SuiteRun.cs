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

        var chosen = Scenarios.Where(s => options.Runs(s.Key)).ToList();
        if (options.Quick)
        {
            // Quick mode (CI) runs the scenarios side by side: each has processes and a database of its own, and most of
            // each one's time is waiting (timeouts, retries, processes starting), which the others fill.
            await Task.WhenAll(chosen.Select(s => RunOneAsync(context, s.Name, s.Run, options.Sizes.Limit - clock.Elapsed)));
        }
        else
        {
            foreach (var (_, name, run) in chosen)
            {
                if (!await RunOneAsync(context, name, run, options.Sizes.Limit - clock.Elapsed))
                {
                    break; // its processes are killed as the suite exits (the exit guard); nothing more runs beside them
                }
            }
        }

        // Whatever a scenario stopped for time still runs is killed now, and its database dropped.
        guard.CleanUpNow();
        await context.DropDatabasesAsync();
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

    /// <summary>Runs one scenario within <paramref name="left"/>; false when it had to be left running (out of time).</summary>
    private static async Task<bool> RunOneAsync(SuiteContext context, string name, Func<SuiteContext, Task> run, TimeSpan left)
    {
        context.Log($"scenario {name}");
        var scenario = run(context);
        if (await Task.WhenAny(scenario, Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero)) != scenario)
        {
            context.Results.Check(name, "the scenario ends within the suite's time limit", false,
                $"still running after {context.Sizes.Limit.TotalMinutes:0} min of the suite; stopped");
            return false;
        }
        if (scenario.Exception?.GetBaseException() is { } exception)
        {
            context.Results.Check(name, "the scenario runs to its end", false, $"{exception.GetType().Name}: {exception.Message}");
            Console.WriteLine(exception);
        }
        return true;
    }

    private static async Task<string> ServerVersionAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select split_part(version(), ' on ', 1)", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
