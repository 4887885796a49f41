using System.Diagnostics;

namespace Herald.Bench.Infrastructure;

/// <summary>
/// Herald as it ships: the Release API dll (a co-hosted silo) in a child process of its own, on fresh ports, its
/// output in a log file. Killed, with its children, when disposed.
/// </summary>
public sealed class HeraldProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HeraldProcess(Process process, Uri baseAddress, string logPath)
    {
        _process = process;
        BaseAddress = baseAddress;
        LogPath = logPath;
    }

    public Uri BaseAddress { get; }
    public string LogPath { get; }
    public int Pid => _process.Id;

    public static async Task<HeraldProcess> StartAsync(
        string apiDll, string connectionString, string adminKey, string logPath, IReadOnlyDictionary<string, string> settings)
    {
        if (!File.Exists(apiDll))
        {
            throw new FileNotFoundException($"Build Herald first (dotnet build -c Release): {apiDll} is missing.", apiDll);
        }
        var port = FreePort.Next();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        // The shell hands the process over to dotnet (exec), so the pid is Herald's and its output goes straight to the file.
        var start = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", "exec dotnet \"$0\" >>\"$1\" 2>&1", apiDll, logPath },
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
        };
        var env = start.Environment;
        env["ConnectionStrings__Herald"] = connectionString;
        env["Herald__AdminKey"] = adminKey;
        // A fresh key per run: the bench's database is thrown away with the secrets it encrypts.
        env["Herald__Secrets__MasterKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        env["Herald__Delivery__RequireHttps"] = "false";
        env["Herald__Delivery__AllowPrivateNetworks"] = "true";
        env["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["Herald__Orleans__SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["Herald__Orleans__GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings)
        {
            env[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Herald did not start.");
        var herald = new HeraldProcess(process, baseAddress, logPath);
        try
        {
            await herald.WaitReadyAsync(TimeSpan.FromSeconds(90));
        }
        catch
        {
            await herald.DisposeAsync();
            throw;
        }
        return herald;
    }

    private async Task WaitReadyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Herald exited with code {_process.ExitCode} while starting; see {LogPath}:\n{Tail()}");
            }
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Herald was not ready within {limit.TotalSeconds:0} s; see {LogPath}:\n{Tail()}");
    }

    /// <summary>Resident memory of the silo process (VmRSS), in bytes.</summary>
    public long WorkingSet()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }
        return 0;
    }

    /// <summary>CPU time the silo process has used so far (user + system).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public string Tail(int lines = 30)
    {
        try
        {
            return string.Join('\n', File.ReadLines(LogPath).TakeLast(lines));
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Stops Herald at once (SIGKILL), synchronously: safe to call from a signal or exit handler.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await _process.WaitForExitAsync(wait.Token);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException)
        {
        }
        _process.Dispose();
    }
}
