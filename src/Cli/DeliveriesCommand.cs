using System.CommandLine;

namespace Herald.Cli;

/// <summary><c>herald deliveries …</c></summary>
public static class DeliveriesCommand
{
    public static Command Create(CliContext context)
    {
        var deliveries = new Command("deliveries", "A webhook's deliveries and their attempts.");
        var webhook = new Argument<string>("webhook-id") { Description = "The webhook's id (wh_…)." };

        var paging = new ListCommandOptions();
        var filters = new DeliveryFilterOptions();
        var attempts = new Option<bool>("--attempts") { Description = "List the attempts (each try, with the receiver's answer) instead of the deliveries." };
        var list = new Command("list", "List a webhook's deliveries (or --attempts), newest first.") { webhook, attempts };
        paging.AddTo(list, timeRange: true);
        filters.AddTo(list);
        CliAction.Set(list, context, (parse, client, ct) =>
        {
            var id = parse.GetValue(webhook)!;
            var options = filters.Read(parse, paging.Read(parse));
            return parse.GetValue(attempts)
                ? paging.PageAsync(parse, options, (o, c) => client.Webhooks.ListAttemptsAsync(id, o, c), ct)
                : paging.PageAsync(parse, options, (o, c) => client.Webhooks.ListDeliveriesAsync(id, o, c), ct);
        });
        deliveries.Add(list);

        var count = new Option<int?>("--count", "-n") { Description = "Stop after this many attempts (default: until Ctrl-C)." };
        var interval = new Option<string>("--interval")
        {
            Description = "First wait between polls; doubled while nothing new arrives, up to --max-interval.",
            DefaultValueFactory = _ => "1s",
        };
        var maxInterval = new Option<string>("--max-interval") { Description = "Longest wait between polls.", DefaultValueFactory = _ => "15s" };
        var since = new Option<string?>("--since") { Description = "Also print the attempts made since this time (RFC 3339); default: only new ones." };
        var tail = new Command("tail", "Follow a webhook's new attempts as they happen (polls Herald), one JSON object a line.")
        {
            webhook, count, interval, maxInterval, since,
        };
        filters.AddTo(tail);
        CliAction.Stream(tail, context, (parse, client, write, ct) => new DeliveryTail(client, parse.GetValue(webhook)!)
        {
            Filter = filters.Read(parse, new()),
            Count = parse.GetValue(count),
            Interval = CliValues.Span(parse.GetValue(interval), "--interval")!.Value,
            MaxInterval = CliValues.Span(parse.GetValue(maxInterval), "--max-interval")!.Value,
            Since = CliValues.Time(parse.GetValue(since), "--since"),
        }.RunAsync(write, ct));
        deliveries.Add(tail);
        return deliveries;
    }
}
