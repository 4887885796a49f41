using Herald.Bench;

// Herald's benchmark: see docs/benchmarks.md. Run it with scripts/bench.sh [--quick] [--compare COMMIT].
try
{
    return args is ["compare", .. var rest] ? Compare.Run(rest) : await BenchRun.RunAsync(BenchOptions.Parse(args));
}
catch (Exception exception) when (exception is ArgumentException or FileNotFoundException)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}
