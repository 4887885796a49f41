using System.Reflection;

namespace Herald.Tests.Infrastructure.Processes;

/// <summary>Where the build put the silo and API hosts (same configuration as the tests; see the test project file).</summary>
public static class HeraldBuild
{
    public static string SiloDirectory => Directory("HeraldSiloDirectory");
    public static string ApiDirectory => Directory("HeraldApiDirectory");

    private static string Directory(string key)
    {
        var path = typeof(HeraldBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
        return Path.GetFullPath(path);
    }
}
