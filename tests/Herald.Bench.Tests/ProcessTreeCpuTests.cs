using System.Diagnostics;
using System.Globalization;
using Herald.Bench.Infrastructure;

namespace Herald.Bench.Tests;

/// <summary>
/// The CPU meter against a real process tree whose processes burn CPU and end while it is sampled, as PostgreSQL's
/// backends and autovacuum workers do: its reading never goes backwards, and it counts at least what the ended
/// processes burned.
/// </summary>
public sealed class ProcessTreeCpuTests
{
    // A root shell forks children one after another (and, once, two at a time, one with a grandchild of its own); each
    // burns CPU, writes the CPU it used (ticks, from its own /proc stat) to a file, and ends. The root waits for each,
    // says "done", and stays alive until its standard input closes, so that the tree can be read once more.
    private const string Script = """
        out="$1"
        burn() {
          local i=0
          while [ $i -lt 120000 ]; do i=$((i + 1)); done
          local line; read -r line < /proc/$BASHPID/stat
          set -- ${line##*) }
          echo $(( ${12} + ${13} )) >> "$out/$BASHPID"
        }
        for n in 1 2 3; do ( burn ) ; done
        ( burn ) & ( ( burn ) ; burn ) & wait
        for n in 4 5; do ( burn ) ; done
        echo done
        read -r _
        """;

    [Fact]
    public async Task Reading_never_goes_backwards_and_counts_the_CPU_of_children_that_ended_between_samples()
    {
        var folder = Directory.CreateTempSubdirectory("herald-cpu-meter-");
        try
        {
            using var root = StartRoot(folder.FullName);
            var done = WaitForDoneAsync(root);
            var readings = new List<TimeSpan> { ProcessTreeCpu.Read(root.Id) };
            var deadline = Stopwatch.StartNew();
            while (!done.IsCompleted && deadline.Elapsed < TimeSpan.FromSeconds(120))
            {
                readings.Add(ProcessTreeCpu.Read(root.Id));
                await Task.Delay(5);
            }
            Assert.True(done.IsCompleted, "the process tree did not finish within 120 s");
            readings.Add(ProcessTreeCpu.Read(root.Id));

            var reported = Directory.GetFiles(folder.FullName)
                .Sum(file => long.Parse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture)) / ProcStat.TicksPerSecond;
            Assert.Equal(8, Directory.GetFiles(folder.FullName).Length);
            var backwards = readings.Zip(readings.Skip(1)).Count(pair => pair.Second < pair.First);
            Assert.Equal(0, backwards);
            Assert.True(readings[^1] >= TimeSpan.FromSeconds(reported),
                $"the meter counted {readings[^1].TotalMilliseconds} ms in all; the ended children burned {reported * 1000} ms");

            root.StandardInput.Close();
            await root.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_tree_whose_root_is_gone_reads_zero()
    {
        Assert.Equal(TimeSpan.Zero, ProcessTreeCpu.Read(int.MaxValue));
    }

    private static Process StartRoot(string folder)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-c", Script, "meter-test", folder })
        {
            start.ArgumentList.Add(argument);
        }
        return Process.Start(start)!;
    }

    private static async Task WaitForDoneAsync(Process root)
    {
        while (await root.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line == "done")
            {
                return;
            }
        }
    }
}
