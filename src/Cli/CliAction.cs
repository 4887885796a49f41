using System.CommandLine;
using System.Text.Json;
using Herald.Client;

namespace Herald.Cli;

/// <summary>
/// Runs a command's call and writes what it answers; a problem answer goes to stderr as JSON with exit code 1 (so does
/// a Herald that cannot be reached, as text), a command line that cannot be sent to stderr with exit code 2.
/// </summary>
public static class CliAction
{
    public static void Set(Command command, CliContext context, Func<ParseResult, HeraldClient, CancellationToken, Task<object?>> call) =>
        Run(command, context, async (parse, client, output, cancellationToken) =>
            Printer.Write(output, await call(parse, client, cancellationToken), parse.GetValue(CliContext.Output)));

    /// <summary>A command that writes answers as they come (<c>deliveries tail</c>): one compact JSON object a line.</summary>
    public static void Stream(Command command, CliContext context, Func<ParseResult, HeraldClient, Action<object>, CancellationToken, Task> call) =>
        Run(command, context, (parse, client, output, cancellationToken) =>
            call(parse, client, value => { output.WriteLine(JsonSerializer.Serialize(value, value.GetType(), Printer.Options)); output.Flush(); }, cancellationToken));

    private static void Run(Command command, CliContext context, Func<ParseResult, HeraldClient, TextWriter, CancellationToken, Task> call) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                await call(parse, context.Connect(parse), output, cancellationToken);
                return 0;
            }
            catch (HeraldApiException problem)
            {
                await error.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    status = problem.Status, code = problem.Code, title = problem.Title, detail = problem.Detail,
                    errors = problem.Errors.Count == 0 ? null : problem.Errors, trace_id = problem.TraceId,
                }, HeraldJson.Options));
                return 1;
            }
            catch (HttpRequestException unreachable)
            {
                await error.WriteLineAsync($"Herald could not be reached: {unreachable.Message}");
                return 1;
            }
            catch (CliUsageException usage)
            {
                await error.WriteLineAsync(usage.Message);
                return 2;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return 0;
            }
        });
}
