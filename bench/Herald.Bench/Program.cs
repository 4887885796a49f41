using Herald.Bench;
using Herald.Bench.Pipe;

// Herald's benchmark: see docs/benchmarks.md. Run it with scripts/bench.sh [--quick] [--compare COMMIT].
// `pipe` is the pipe server the bench starts as a child process for its pipe limits (Pipe/PipeServer.cs).
try
{
    return args switch
    {
        ["compare", .. var rest] => Compare.Run(rest),
        ["pipe", ..] => await PipeServer.RunAsync(),
        _ => await BenchRun.RunAsync(BenchOptions.Parse(args)),
    };
}
catch (Exception exception) when (exception is ArgumentException or FileNotFoundException)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}
