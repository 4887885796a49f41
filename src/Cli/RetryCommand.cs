using System.CommandLine;

namespace Herald.Cli;

/// <summary><c>herald retry …</c>: one delivery now, or every failed one that matches.</summary>
public static class RetryCommand
{
    public static Command Create(CliContext context)
    {
        var webhook = new Argument<string>("webhook-id") { Description = "The webhook's id (wh_…)." };
        var delivery = new Argument<string?>("delivery-id")
        {
            Description = "The delivery to send again now; without it, every failed delivery that matches the options is queued again.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var eventType = new Option<string?>("--event-type") { Description = "Only failed deliveries of this event type (invoice.* allowed)." };
        var since = new Option<string?>("--since") { Description = "Only failed deliveries created from this time on (RFC 3339)." };
        var until = new Option<string?>("--until") { Description = "Only failed deliveries created before this time (RFC 3339)." };
        var retry = new Command("retry", "Send a delivery again, or queue again a webhook's failed deliveries.") { webhook, delivery, eventType, since, until };
        CliAction.Set(retry, context, async (parse, client, ct) =>
        {
            var id = parse.GetValue(webhook)!;
            return parse.GetValue(delivery) is { } one
                ? (object)await client.Webhooks.RetryDeliveryAsync(id, one, ct)
                : await client.Webhooks.RetryDeliveriesAsync(id, parse.GetValue(eventType),
                    CliValues.Time(parse.GetValue(since), "--since"), CliValues.Time(parse.GetValue(until), "--until"), ct);
        });
        return retry;
    }
}
