using System.Globalization;
using Herald.Testing;

namespace Herald.Bench;

/// <summary>
/// The command line: <c>[--quick] [--busy] [--slow F] [--out FILE | --no-out] [--json FILE] [--api DLL] [--label TEXT] [--pg CONNECTION]
/// [--env NAME=VALUE]… [--only a,b] [--keep-db] [--skip-baselines]</c> (the last three are for working on one scenario:
/// a report without baselines has no ratios). Without <c>--pg</c> the bench starts a PostgreSQL server of its own.
/// <c>--label</c> names the build measured (the commit of <c>--api</c>, when that is not the current tree's).
/// </summary>
public sealed record BenchOptions(
    bool Quick,
    string RepoRoot,
    string ApiDll,
    string? ServerConnectionString,
    string? OutputPath,
    string? JsonPath,
    string Command,
    IReadOnlySet<string>? Only,
    bool KeepDatabase,
    bool SkipBaselines,
    bool Busy,
    IReadOnlyDictionary<string, string> HeraldEnvironment,
    string? Label,
    double? Slow = null)
{
    public const string Usage =
        "Use [--quick] [--busy] [--slow F] [--out FILE | --no-out] [--json FILE] [--api DLL] [--label TEXT] [--pg CONNECTION] [--env NAME=VALUE]... " +
        "[--only ingest,delivery,latency,fanout,backlog,retry,large] [--keep-db] [--skip-baselines], or: compare A.json[,A2.json...] B.json[,B2.json...].";

    public Sizes Sizes => Quick ? Sizes.Quick : Sizes.Full;

    public bool Runs(string scenario) => Only is null || Only.Contains(scenario);

    public static BenchOptions Parse(string[] args)
    {
        var root = RepositoryRoot.Find();
        var quick = false;
        var keep = false;
        var skipBaselines = false;
        var busy = false;
        double? slow = null;
        var output = "";
        string? json = null;
        string? label = null;
        var api = Path.Combine(root, "src", "Api", "bin", "Release", "net10.0", "Herald.Api.dll");
        var pg = Environment.GetEnvironmentVariable("HERALD_BENCH_PG");
        var environment = new Dictionary<string, string>();
        HashSet<string>? only = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": quick = true; break;
                case "--busy": busy = true; break;
                case "--slow":
                    slow = double.TryParse(Next(args, ref i), NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share is > 0 and < 1
                        ? share : throw new ArgumentException("--slow needs the share of the cores to keep, between 0 and 1 (e.g. 0.6).");
                    break;
                case "--keep-db": keep = true; break;
                case "--skip-baselines": skipBaselines = true; break;
                case "--out": output = Next(args, ref i); break;
                case "--no-out": output = null; break;
                case "--json": json = Path.GetFullPath(Next(args, ref i)); break;
                case "--api": api = Path.GetFullPath(Next(args, ref i)); break;
                case "--label": label = Next(args, ref i); break;
                case "--pg": pg = Next(args, ref i); break;
                case "--env":
                    var pair = Next(args, ref i).Split('=', 2);
                    environment[pair[0]] = pair.Length == 2 ? pair[1] : throw new ArgumentException($"--env needs NAME=VALUE, not {pair[0]}.");
                    break;
                case "--only": only = [.. Next(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]; break;
                default: throw new ArgumentException($"Unknown argument {args[i]}. {Usage}");
            }
        }
        if (output == "")
        {
            // A smoke run, or a part of a run, must not overwrite the published figures.
            var file = quick ? "benchmarks-quick.md" : busy ? "benchmarks-busy.md" : slow is not null ? "benchmarks-slow.md" : only is not null ? "benchmarks-part.md" : null;
            output = file is null ? Path.Combine(root, "docs", "benchmarks.md") : Path.Combine(root, ".data", "bench", file);
        }
        var command = Environment.GetEnvironmentVariable("HERALD_BENCH_COMMAND") ?? ("Herald.Bench " + string.Join(' ', args)).Trim();
        return new BenchOptions(quick, root, api, string.IsNullOrEmpty(pg) ? null : pg, output, json, command, only, keep, skipBaselines, busy, environment, label, slow);
    }

    private static string Next(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");
}
