using System.Diagnostics;
using System.Text.Json;

namespace Herald.Tests.Infrastructure;

/// <summary>Runs a script of tests/Herald.Tests/node with a JSON document on stdin; exit code 0 means it succeeded.</summary>
public static class NodeScript
{
    public static Task<(bool Succeeded, string Output)> RunAsync(string script, object input) =>
        RunAsync(script, input, TimeSpan.FromSeconds(60));

    /// <summary>Like <see cref="RunAsync(string, object)"/>, killing the script (and what it started) past <paramref name="timeout"/>.</summary>
    public static async Task<(bool Succeeded, string Output)> RunAsync(string script, object input, TimeSpan timeout)
    {
        var directory = Directory();
        var start = new ProcessStartInfo("node", Path.Combine(directory, script))
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(JsonSerializer.Serialize(input));
        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
            var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
            var output = await stdout + await stderr;
            await process.WaitForExitAsync(deadline.Token);
            return (process.ExitCode == 0, output);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (false, $"{script} did not finish within {timeout}");
        }
    }

    /// <summary>Runs a verifier script over a received delivery: <c>{"secret", "headers" (lower-case names), "body_base64"}</c>.</summary>
    public static Task<(bool Verified, string Output)> VerifyAsync(string script, string secret, ReceivedRequest request) =>
        RunAsync(script, new Dictionary<string, object>
        {
            ["secret"] = secret,
            ["headers"] = request.Headers,
            ["body_base64"] = Convert.ToBase64String(request.Body),
        });

    private static string Directory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Herald.Tests", "node");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                if (!System.IO.Directory.Exists(Path.Combine(candidate, "node_modules")))
                {
                    throw new InvalidOperationException($"Run 'npm ci' in {candidate} first (scripts/test.sh does).");
                }
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("tests/Herald.Tests/node not found above " + AppContext.BaseDirectory);
    }
}
