using System.CommandLine;
using Herald.Client.Models;

namespace Herald.Cli;

/// <summary><c>herald events …</c></summary>
public static class EventsCommand
{
    public static Command Create(CliContext context)
    {
        var events = new Command("events", "Events: publish, read, search.");

        var type = new Option<string>("--type", "-t") { Description = "The event's type (server.created).", Required = true };
        var data = new Option<string?>("--data", "-d") { Description = "Its data as a JSON object, wrapped in Herald's envelope." };
        var payload = new Option<string?>("--payload") { Description = "The body to deliver byte for byte, as JSON (instead of --data)." };
        var id = new Option<string?>("--id") { Description = "Its id, which makes publishing it again harmless (default: a new evt_… id)." };
        var source = new Option<string?>("--source") { Description = "Where it comes from; webhooks with a source get only its events." };
        var accountId = new Option<string?>("--account-id") { Description = "The account to publish for (admin key)." };
        var publish = new Command("publish", "Publish an event; answered once it and its fan-out are durable.") { type, data, payload, id, source, accountId };
        CliAction.Set(publish, context, async (parse, client, ct) => await client.Events.PublishAsync(new PublishEventRequest(parse.GetValue(type)!)
        {
            Data = CliValues.Json(parse.GetValue(data), "--data") ?? (parse.GetValue(payload) is null ? new System.Text.Json.Nodes.JsonObject() : null),
            Payload = CliValues.Json(parse.GetValue(payload), "--payload"),
            Id = parse.GetValue(id),
            Source = parse.GetValue(source),
            AccountId = parse.GetValue(accountId),
        }, ct));
        events.Add(publish);

        var eventId = new Argument<string>("event-id") { Description = "The event's id." };
        var get = new Command("get", "Show an event, its data and its delivery to each webhook.") { eventId };
        CliAction.Set(get, context, async (parse, client, ct) => await client.Events.GetAsync(parse.GetValue(eventId)!, ct));
        events.Add(get);

        var paging = new ListCommandOptions();
        var typeFilter = new Option<string?>("--type", "-t") { Description = "Only this type: exact, * or a prefix pattern such as invoice.*." };
        var sourceFilter = new Option<string?>("--source") { Description = "Only events of this source." };
        var list = new Command("list", "Search events, newest first.") { typeFilter, sourceFilter };
        paging.AddTo(list, timeRange: true);
        CliAction.Set(list, context, (parse, client, ct) => paging.PageAsync(parse,
            paging.Read(parse) with { Type = parse.GetValue(typeFilter), Source = parse.GetValue(sourceFilter) }, client.Events.ListAsync, ct));
        events.Add(list);
        return events;
    }
}
