using Herald.Testing;

namespace Herald.Bench;

/// <summary>
/// The command line: <c>[--quick] [--out FILE | --no-out] [--api DLL] [--pg CONNECTION] [--only a,b] [--keep-db] [--skip-baselines]</c>
/// (the last three are for working on one scenario: a report without baselines has no ratios).
/// </summary>
public sealed record BenchOptions(
    bool Quick,
    string RepoRoot,
    string ApiDll,
    string ServerConnectionString,
    string? OutputPath,
    string Command,
    IReadOnlySet<string>? Only,
    bool KeepDatabase,
    bool SkipBaselines)
{
    public Sizes Sizes => Quick ? Sizes.Quick : Sizes.Full;

    public bool Runs(string scenario) => Only is null || Only.Contains(scenario);

    public static BenchOptions Parse(string[] args)
    {
        var root = RepositoryRoot.Find();
        var quick = false;
        var keep = false;
        var skipBaselines = false;
        var output = "";
        var api = Path.Combine(root, "src", "Api", "bin", "Release", "net10.0", "Herald.Api.dll");
        var pg = Environment.GetEnvironmentVariable("HERALD_BENCH_PG")
            ?? "Host=127.0.0.1;Port=55432;Username=herald;Password=herald;Database=postgres";
        HashSet<string>? only = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": quick = true; break;
                case "--keep-db": keep = true; break;
                case "--skip-baselines": skipBaselines = true; break;
                case "--out": output = Next(args, ref i); break;
                case "--no-out": output = null; break;
                case "--api": api = Path.GetFullPath(Next(args, ref i)); break;
                case "--pg": pg = Next(args, ref i); break;
                case "--only": only = [.. Next(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]; break;
                default: throw new ArgumentException($"Unknown argument {args[i]}. Use [--quick] [--out FILE | --no-out] [--api DLL] [--pg CONNECTION] [--only scenario,...] [--keep-db] [--skip-baselines].");
            }
        }
        if (output == "")
        {
            // A smoke run must not overwrite the published figures.
            output = quick ? Path.Combine(root, ".data", "bench", "benchmarks-quick.md") : Path.Combine(root, "docs", "benchmarks.md");
        }
        var command = Environment.GetEnvironmentVariable("HERALD_BENCH_COMMAND") ?? ("Herald.Bench " + string.Join(' ', args)).Trim();
        return new BenchOptions(quick, root, api, pg, output, command, only, keep, skipBaselines);
    }

    private static string Next(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");
}
