using System.Text.Json;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Portal;

/// <summary>
/// Runs a browser scenario of tests/Herald.Tests/node/portal in Debian's chromium (headless, through playwright-core),
/// bounded in time; its screenshots go to .data/portal-screenshots/&lt;scenario&gt;/.
/// </summary>
public static class PortalBrowser
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string Chromium { get; } = Environment.GetEnvironmentVariable("HERALD_CHROMIUM") ?? "/usr/bin/chromium";

    public static async Task<JsonElement> RunAsync(string scenario, IReadOnlyDictionary<string, object> input)
    {
        Assert.True(File.Exists(Chromium), $"No chromium at {Chromium}: apt-get install chromium (.ci/run does), or set HERALD_CHROMIUM.");
        Assert.True(File.Exists(Path.Combine(PortalApiFixture.Dist, "index.html")), "The portal is not built: run scripts/portal.sh (scripts/test.sh does).");
        var document = new Dictionary<string, object>(input)
        {
            ["browser"] = Chromium,
            ["screenshots"] = Path.Combine(RepositoryRoot.Find(), ".data", "portal-screenshots"),
        };
        var (succeeded, output) = await NodeScript.RunAsync(Path.Combine("portal", scenario + ".mjs"), document, Timeout);
        Assert.True(succeeded, output);
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last(line => line.StartsWith('{'));
        return JsonDocument.Parse(last).RootElement.Clone();
    }
}
