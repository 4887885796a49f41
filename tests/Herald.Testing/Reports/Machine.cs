using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Herald.Testing.Reports;

/// <summary>Where and when a run happened: cores, memory, load, versions, commit.</summary>
public sealed record Machine(string Cpu, int Cores, double MemoryGiB, string Os, string Dotnet, string Commit, DateTimeOffset Date)
{
    public string PostgreSql { get; set; } = "";

    /// <param name="label">The build measured, when it is not the checkout's (<c>--label</c>).</param>
    public static Machine Describe(string repoRoot, string? label = null) => new(
        Cpu: ReadCpuModel(),
        Cores: Environment.ProcessorCount,
        MemoryGiB: ReadMemTotalKiB() / 1024.0 / 1024.0,
        Os: RuntimeInformation.OSDescription,
        Dotnet: RuntimeInformation.FrameworkDescription,
        Commit: label ?? Git(repoRoot),
        Date: DateTimeOffset.UtcNow);

    /// <summary>The 1-minute load average: on a shared machine, how busy it was besides the run.</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static string ReadCpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static long ReadMemTotalKiB()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string Git(string repoRoot)
    {
        var head = Run(repoRoot, "rev-parse --short HEAD");
        if (head.Length == 0)
        {
            return "unknown";
        }
        var branch = Run(repoRoot, "rev-parse --abbrev-ref HEAD");
        var dirty = Run(repoRoot, "status --porcelain --untracked-files=no -- src bench tests scripts").Length > 0 ? " + uncommitted changes" : "";
        return $"{head} ({branch}){dirty}";
    }

    private static string Run(string directory, string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit(5000);
            return git.ExitCode == 0 ? output : "";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }
}
