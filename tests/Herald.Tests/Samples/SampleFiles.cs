using System.Text.Json;

namespace Herald.Tests.Samples;

/// <summary>The seed platforms' configurations in samples/ at the repository's root.</summary>
public static class SampleFiles
{
    public static readonly string[] Platforms = ["lightyear", "cdhosting", "greenlight", "cloudnexus", "hostwares"];

    public static JsonElement Load(string platform)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "samples", platform + ".json");
            if (File.Exists(file))
            {
                return JsonDocument.Parse(File.ReadAllText(file)).RootElement.Clone();
            }
        }
        throw new FileNotFoundException($"samples/{platform}.json not found above {AppContext.BaseDirectory}");
    }
}
