using Herald.Testing;

namespace Herald.Reliability;

/// <summary>
/// The command line: <c>[--quick] [--only chaos,outage,kill,hostile] [--seed N] [--replay N] [--out FILE | --no-out]
/// [--api DLL] [--silo DLL] [--pg CONNECTION]</c>.
/// </summary>
/// <param name="Replay">A hostile request's number: only that request is generated (from <see cref="Seed"/>) and sent.</param>
public sealed record SuiteOptions(
    bool Quick,
    string RepoRoot,
    string ApiDll,
    string SiloDll,
    string ServerConnectionString,
    string? OutputPath,
    string Command,
    IReadOnlySet<string>? Only,
    int Seed,
    int? Replay)
{
    public static readonly IReadOnlyList<string> Scenarios = ["chaos", "outage", "kill", "hostile"];

    /// <summary>The seed of a run that does not name one: fixed, so two runs send the same hostile requests.</summary>
    public const int DefaultSeed = 20261201;

    public SuiteSizes Sizes => Quick ? SuiteSizes.Quick : SuiteSizes.Full;

    public bool Runs(string scenario) => Only is null || Only.Contains(scenario);

    public static SuiteOptions Parse(string[] args)
    {
        var root = RepositoryRoot.Find();
        var quick = false;
        var output = "";
        var api = Path.Combine(root, "src", "Api", "bin", "Release", "net10.0", "Herald.Api.dll");
        var silo = Path.Combine(root, "src", "Silo", "bin", "Release", "net10.0", "Herald.Silo.dll");
        var pg = Environment.GetEnvironmentVariable("HERALD_RELIABILITY_PG")
            ?? "Host=127.0.0.1;Port=55432;Username=herald;Password=herald;Database=postgres";
        HashSet<string>? only = null;
        var seed = DefaultSeed;
        int? replay = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": quick = true; break;
                case "--out": output = Next(args, ref i); break;
                case "--no-out": output = null; break;
                case "--api": api = Path.GetFullPath(Next(args, ref i)); break;
                case "--silo": silo = Path.GetFullPath(Next(args, ref i)); break;
                case "--pg": pg = Next(args, ref i); break;
                case "--seed": seed = Number(args, ref i); break;
                case "--replay": replay = Number(args, ref i); break;
                case "--only":
                    only = [.. Next(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    if (only.Except(Scenarios).FirstOrDefault() is { } unknown)
                    {
                        throw new ArgumentException($"Unknown scenario {unknown}; use {string.Join(", ", Scenarios)}.");
                    }
                    break;
                default:
                    throw new ArgumentException(
                        $"Unknown argument {args[i]}. Use [--quick] [--only {string.Join(',', Scenarios)}] [--seed N] [--replay N] [--out FILE | --no-out] [--api DLL] [--silo DLL] [--pg CONNECTION].");
            }
        }
        if (replay is not null)
        {
            // A replay sends one hostile request to look at its answer: nothing else runs, nothing is written.
            only = ["hostile"];
            output = null;
        }
        if (output == "")
        {
            // A quick or partial run must not overwrite the published figures of a full one.
            output = quick || only is not null
                ? Path.Combine(root, ".data", "reliability", "reliability-last.md")
                : Path.Combine(root, "docs", "reliability.md");
        }
        var command = Environment.GetEnvironmentVariable("HERALD_RELIABILITY_COMMAND") ?? ("Herald.Reliability " + string.Join(' ', args)).Trim();
        return new SuiteOptions(quick, root, api, silo, pg, output, command, only, seed, replay);
    }

    private static string Next(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");

    private static int Number(string[] args, ref int i)
    {
        var text = Next(args, ref i);
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{args[i - 1]} needs a whole number, not {text}.");
    }
}
