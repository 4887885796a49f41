using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Herald.Testing.Processes;

/// <summary>
/// A Herald host (src/Api or src/Silo) in a child process on a fresh port of 127.0.0.1, configured through environment
/// variables, its output kept in memory or appended to a log file (<see cref="HeraldStart.LogPath"/>). Disposing kills
/// it, with its children, if it still runs.
/// </summary>
public sealed class HeraldProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private static readonly TimeSpan DefaultReadyTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly ProcessOutput _output;

    private HeraldProcess(string name, Uri url, Process process, ProcessOutput output)
    {
        Name = name;
        Url = url;
        _process = process;
        _output = output;
    }

    public string Name { get; }
    public Uri Url { get; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process has written so far (standard output and error).</summary>
    public string Output => _output.Text;

    public static HeraldProcess Start(HeraldStart start)
    {
        var url = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        var dll = Path.GetFullPath(start.Dll);
        var directory = Path.GetDirectoryName(dll)!;
        ProcessOutput output = start.LogPath is { } logPath ? new LogFileOutput(logPath) : new CapturedOutput();
        var info = output.Launch([dll, .. start.Arguments, "--contentRoot", directory]);
        info.UseShellExecute = false;
        info.WorkingDirectory = directory;
        info.Environment["ASPNETCORE_URLS"] = url.GetLeftPart(UriPartial.Authority);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in start.Environment)
        {
            info.Environment[key] = value;
        }
        var process = new Process { StartInfo = info };
        output.Start(process);
        return new HeraldProcess(start.Name, url, process, output);
    }

    /// <summary>Starts the process and waits until it is ready; kills it if it is not.</summary>
    public static async Task<HeraldProcess> StartReadyAsync(HeraldStart start, TimeSpan? timeout = null)
    {
        var herald = Start(start);
        try
        {
            await herald.WaitReadyAsync(timeout);
            return herald;
        }
        catch
        {
            await herald.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200: the host, its Orleans silo or client, and PostgreSQL are up.</summary>
    public async Task WaitReadyAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultReadyTimeout;
        if (!await Eventually.HoldsAsync(IsReadyAsync, limit, TimeSpan.FromMilliseconds(200)))
        {
            throw new TimeoutException($"{Name} was not ready within {limit.TotalSeconds:0} s (see {_output.Where}):\n{Tail()}");
        }
    }

    private async Task<bool> IsReadyAsync()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it was ready (see {_output.Where}):\n{Tail()}");
        }
        try
        {
            using var response = await Http.GetAsync(new Uri(Url, "/health/ready"));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(new Uri(Url, path));

    /// <summary>SIGKILL to the process and its children, at once and synchronously: safe from a signal or exit handler.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or Win32Exception)
        {
        }
    }

    /// <summary>SIGKILL, as in a crash (nothing of the process runs its shutdown); waits for it to exit.</summary>
    public async Task KillAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as <c>docker stop</c> or Ctrl+C would send: the host stops gracefully; waits for it to exit.</summary>
    public async Task TerminateAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return;
        }
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token);
    }

    /// <summary>Resident memory of the process (VmRSS), in bytes.</summary>
    public long WorkingSet()
    {
        foreach (var line in File.ReadLines($"/proc/{Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }
        return 0;
    }

    /// <summary>CPU time the process has used so far (user + system).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public string Tail(int lines = 60) => _output.Tail(lines);

    public async ValueTask DisposeAsync()
    {
        try
        {
            Kill();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException)
        {
        }
        _process.Dispose();
    }
}
