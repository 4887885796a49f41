using System.Diagnostics;
using System.Text.Json;

namespace Herald.Tests.Infrastructure;

/// <summary>Runs the <c>standardwebhooks</c> npm package (tests/Herald.Tests/node) over a received delivery.</summary>
public static class StandardWebhooksNode
{
    public static async Task<(bool Verified, string Output)> VerifyAsync(string secret, ReceivedRequest request)
    {
        var directory = NodeDirectory();
        var start = new ProcessStartInfo("node", Path.Combine(directory, "verify-standard.mjs"))
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var headers = new Dictionary<string, string>
        {
            ["webhook-id"] = request.Headers["webhook-id"],
            ["webhook-timestamp"] = request.Headers["webhook-timestamp"],
            ["webhook-signature"] = request.Headers["webhook-signature"],
        };
        await process.StandardInput.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["secret"] = secret,
            ["headers"] = headers,
            ["body_base64"] = Convert.ToBase64String(request.Body),
        }));
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token) + await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode == 0, output);
    }

    private static string NodeDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Herald.Tests", "node");
            if (File.Exists(Path.Combine(candidate, "verify-standard.mjs")))
            {
                if (!Directory.Exists(Path.Combine(candidate, "node_modules")))
                {
                    throw new InvalidOperationException($"Run 'npm ci' in {candidate} first (scripts/test.sh does).");
                }
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("tests/Herald.Tests/node not found above " + AppContext.BaseDirectory);
    }
}
