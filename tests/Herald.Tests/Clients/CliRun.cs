using System.Text.Json;
using Herald.Cli;

namespace Herald.Tests.Clients;

/// <summary>One run of the herald command line, in process: its exit code, what it wrote to stdout and to stderr.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Output).RootElement;

    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await HeraldCli.RunAsync(args, output, error, name => environment.GetValueOrDefault(name), cancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
