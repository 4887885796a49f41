using System.CommandLine;
using Herald.Client;

namespace Herald.Cli;

/// <summary>The paging options of every list (<c>--limit</c>, <c>--cursor</c>, <c>--all</c>) and its time range.</summary>
public sealed class ListCommandOptions
{
    public Option<int?> Limit { get; } = new("--limit") { Description = "Rows per page, 1–250 (Herald's default: 50)." };
    public Option<string?> Cursor { get; } = new("--cursor") { Description = "The next_cursor of the previous page." };
    public Option<bool> All { get; } = new("--all") { Description = "Follow next_cursor to the last page and print every row." };
    public Option<string?> Since { get; } = new("--since") { Description = "Only rows from this time on (RFC 3339, inclusive)." };
    public Option<string?> Until { get; } = new("--until") { Description = "Only rows before this time (RFC 3339, exclusive)." };

    public void AddTo(Command command, bool timeRange)
    {
        command.Add(Limit);
        command.Add(Cursor);
        command.Add(All);
        if (timeRange)
        {
            command.Add(Since);
            command.Add(Until);
        }
    }

    public ListOptions Read(ParseResult parse) => new()
    {
        Limit = parse.GetValue(Limit),
        Cursor = parse.GetValue(Cursor),
        Since = CliValues.Time(parse.GetValue(Since), "--since"),
        Until = CliValues.Time(parse.GetValue(Until), "--until"),
    };

    /// <summary>One page, or with <c>--all</c> every page as one.</summary>
    public async Task<object?> PageAsync<T>(ParseResult parse, ListOptions options, Func<ListOptions, CancellationToken, Task<Page<T>>> list,
        CancellationToken cancellationToken)
    {
        if (!parse.GetValue(All))
        {
            return await list(options, cancellationToken);
        }
        var rows = new List<T>();
        await foreach (var row in Paging.AllAsync(list, options, cancellationToken))
        {
            rows.Add(row);
        }
        return new Page<T>(rows, null) { HasMore = false };
    }
}
