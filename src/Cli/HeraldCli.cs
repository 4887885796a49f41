using System.CommandLine;

namespace Herald.Cli;

/// <summary>
/// The <c>herald</c> command line: Herald's REST API through <c>Herald.Client</c>. Its help text (<c>herald --help</c>,
/// <c>herald webhooks create --help</c>) is its documentation.
/// </summary>
public static class HeraldCli
{
    /// <summary>Runs one command line; answers its exit code (0 done, 1 Herald refused it, 2 the command line is wrong).</summary>
    /// <param name="environment">Reads <c>HERALD_URL</c> and <c>HERALD_API_KEY</c> (the process environment, or a test's).</param>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<string, string?> environment,
        CancellationToken cancellationToken = default)
    {
        var context = new CliContext(environment);
        var root = new RootCommand("herald: Herald's REST API from the command line. Answers are JSON (--output table for a table); "
            + "errors are Herald's problem documents on stderr, with exit code 1.")
        {
            CliContext.Url,
            CliContext.Key,
            CliContext.Output,
            AccountsCommand.Create(context),
            WebhooksCommand.Create(context),
            EventsCommand.Create(context),
            DeliveriesCommand.Create(context),
            RetryCommand.Create(context),
        };
        var invocation = new InvocationConfiguration { Output = output, Error = error };
        return root.Parse(args).InvokeAsync(invocation, cancellationToken);
    }
}
