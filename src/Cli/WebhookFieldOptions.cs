using System.CommandLine;
using System.Text.Json.Nodes;

namespace Herald.Cli;

/// <summary>The options that set a webhook's fields, shared by <c>webhooks create</c> and <c>webhooks update</c>.</summary>
public sealed class WebhookFieldOptions
{
    /// <summary>Only on update (create takes the URL as its argument; <c>--url</c> is Herald's address).</summary>
    public Option<string?> Url { get; } = new("--webhook-url") { Description = "The receiver's new URL." };
    public Option<string[]> Events { get; } = new("--event", "-e")
    {
        Description = "An event type it subscribes to (server.created, server.*, *); repeat for several.",
        AllowMultipleArgumentsPerToken = true,
    };
    public Option<string?> Source { get; } = new("--source") { Description = "Only events published with this source (\"\" clears on update)." };
    public Option<string?> Description { get; } = new("--description") { Description = "A note for people (\"\" clears on update)." };
    public Option<int?> Timeout { get; } = new("--timeout-seconds") { Description = "Delivery timeout, 1–60 s." };
    public Option<string?> Ordering { get; } = new("--ordering") { Description = "strict (one in flight, in order) or concurrent." };
    public Option<int?> MaxInFlight { get; } = new("--max-in-flight") { Description = "Deliveries in flight at once in concurrent ordering." };
    public Option<int?> RateLimit { get; } = new("--rate-limit") { Description = "Deliveries per second at most." };
    public Option<string?> Retry { get; } = new("--retry") { Description = "Retry policy as JSON: '{\"schedule\":[\"1m\",\"5m\",\"30m\"]}'." };
    public Option<string?> Signature { get; } = new("--signature") { Description = "Signature profile as JSON (docs/signatures.md)." };

    public void AddTo(Command command, bool withUrl)
    {
        if (withUrl)
        {
            command.Add(Url);
        }
        foreach (var option in new Option[] { Events, Source, Description, Timeout, Ordering, MaxInFlight, RateLimit, Retry, Signature })
        {
            command.Add(option);
        }
    }

    /// <summary>The fields given on the command line, as Herald's JSON (<c>""</c> for source or description is null: cleared).</summary>
    public JsonObject Read(ParseResult parse)
    {
        var body = new JsonObject();
        void Set(string name, JsonNode? value, bool given)
        {
            if (given)
            {
                body[name] = value;
            }
        }
        Set("url", parse.GetValue(Url), parse.GetValue(Url) is not null);
        var events = parse.GetValue(Events) ?? [];
        Set("events", new JsonArray([.. events.Select(e => JsonValue.Create(e))]), events.Length > 0);
        Set("source", Cleared(parse.GetValue(Source)), parse.GetValue(Source) is not null);
        Set("description", Cleared(parse.GetValue(Description)), parse.GetValue(Description) is not null);
        Set("timeout_seconds", parse.GetValue(Timeout), parse.GetValue(Timeout) is not null);
        Set("ordering", parse.GetValue(Ordering), parse.GetValue(Ordering) is not null);
        Set("max_in_flight", parse.GetValue(MaxInFlight), parse.GetValue(MaxInFlight) is not null);
        Set("rate_limit", parse.GetValue(RateLimit), parse.GetValue(RateLimit) is not null);
        Set("retry", CliValues.JsonObject(parse.GetValue(Retry), "--retry"), parse.GetValue(Retry) is not null);
        Set("signature", CliValues.JsonObject(parse.GetValue(Signature), "--signature"), parse.GetValue(Signature) is not null);
        return body;
    }

    private static string? Cleared(string? value) => value == "" ? null : value;
}
