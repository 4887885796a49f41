using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using Herald.Reliability.Report;
using Herald.Testing.Databases;
using Herald.Testing.Processes;

namespace Herald.Reliability.Infrastructure;

/// <summary>What every scenario works with: the options, the results, where logs go, and the one admin and master key of the run.</summary>
public sealed class SuiteContext(SuiteOptions options, SuiteResults results, ExitGuard guard)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public SuiteOptions Options => options;
    public SuiteSizes Sizes => options.Sizes;
    public SuiteResults Results => results;

    /// <summary>Kills what a scenario started if the suite is stopped (Ctrl+C) or ends abnormally.</summary>
    public ExitGuard Guard => guard;

    public string AdminKey { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Every process of the run seals and opens webhook secrets with this key (a cluster needs one).</summary>
    public string MasterKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The run's folder of process logs: .data/reliability/&lt;start time&gt;.</summary>
    public string Logs { get; } = Directory.CreateDirectory(
        Path.Combine(options.RepoRoot, ".data", "reliability", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture))).FullName;

    public void Log(string message) => Console.WriteLine($"[{_clock.Elapsed:mm\\:ss}] {message}");

    private readonly ConcurrentBag<ScratchDatabase> _databases = [];

    /// <summary>A fresh database on the shared server, named after the scenario; the scenario drops it, or <see cref="DropDatabasesAsync"/> does.</summary>
    public async Task<ScratchDatabase> DatabaseAsync(string scenario)
    {
        var database = await ScratchDatabase.CreateAsync(options.ServerConnectionString, $"herald_reliability_{scenario}_{Environment.ProcessId}");
        _databases.Add(database);
        return database;
    }

    /// <summary>Drops every database of the run that is still there (a scenario stopped for time leaves its own).</summary>
    public async Task DropDatabasesAsync()
    {
        foreach (var database in _databases)
        {
            await database.DropAsync();
        }
    }
}
