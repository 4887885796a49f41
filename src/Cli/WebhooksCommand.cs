using System.CommandLine;
using System.Text.Json;
using Herald.Client;
using Herald.Client.Models;

namespace Herald.Cli;

/// <summary><c>herald webhooks …</c></summary>
public static class WebhooksCommand
{
    public static Command Create(CliContext context)
    {
        var webhooks = new Command("webhooks", "Webhooks: register, change, pause, test and replay.");
        var id = new Argument<string>("webhook-id") { Description = "The webhook's id (wh_…)." };

        var url = new Argument<string>("webhook-url") { Description = "The receiver's URL (https:// unless Herald allows http)." };
        var fields = new WebhookFieldOptions();
        var secret = new Option<string?>("--secret") { Description = "Its signing secret (default: Herald makes one)." };
        var accountId = new Option<string?>("--account-id") { Description = "The account to create it in (admin key)." };
        var test = new Option<bool>("--test") { Description = "Send a test event at once and show its outcome." };
        var create = new Command("create", "Register a webhook; prints its signing secret (whsec_…), shown this once.") { url, secret, accountId, test };
        fields.AddTo(create, withUrl: false);
        CliAction.Set(create, context, async (parse, client, ct) =>
        {
            var body = fields.Read(parse);
            body["url"] = parse.GetValue(url);
            body["secret"] = parse.GetValue(secret);
            body["account_id"] = parse.GetValue(accountId);
            body["test"] = parse.GetValue(test) ? true : null;
            body["events"] ??= new System.Text.Json.Nodes.JsonArray();
            return await client.Webhooks.CreateAsync(body.Deserialize<CreateWebhookRequest>(HeraldJson.Options)!, ct);
        });
        webhooks.Add(create);

        var paging = new ListCommandOptions();
        var list = new Command("list", "List webhooks (no secrets).");
        paging.AddTo(list, timeRange: false);
        CliAction.Set(list, context, (parse, client, ct) => paging.PageAsync(parse, paging.Read(parse), client.Webhooks.ListAsync, ct));
        webhooks.Add(list);

        Add(webhooks, context, new Command("get", "Show a webhook.") { id }, (parse, client, ct) => client.Webhooks.GetAsync(parse.GetValue(id)!, ct));

        var update = new Command("update", "Change a webhook: the options given change, the others keep their value.") { id };
        fields.AddTo(update, withUrl: true);
        Add(webhooks, context, update, (parse, client, ct) => client.Webhooks.UpdateAsync(parse.GetValue(id)!, fields.Read(parse), ct));

        var delete = new Command("delete", "Delete a webhook and its queue.") { id };
        CliAction.Set(delete, context, async (parse, client, ct) =>
        {
            await client.Webhooks.DeleteAsync(parse.GetValue(id)!, ct);
            return new { id = parse.GetValue(id), deleted = true };
        });
        webhooks.Add(delete);

        Add(webhooks, context, new Command("enable", "Resume a webhook: its failure count restarts from zero, its queue resumes.") { id },
            (parse, client, ct) => client.Webhooks.EnableAsync(parse.GetValue(id)!, ct));
        Add(webhooks, context, new Command("disable", "Pause a webhook: deliveries wait until it is enabled.") { id },
            (parse, client, ct) => client.Webhooks.DisableAsync(parse.GetValue(id)!, ct));

        var grace = new Option<string?>("--grace-period") { Description = "How long the previous secret keeps signing (e.g. 24h, the default; at most 7d)." };
        Add(webhooks, context, new Command("rotate-secret", "Give a webhook a new signing secret, shown this once.") { id, grace },
            (parse, client, ct) => client.Webhooks.RotateSecretAsync(parse.GetValue(id)!, CliValues.Span(parse.GetValue(grace), "--grace-period"), null, ct));

        var type = new Option<string?>("--type") { Description = "Send an event of this type (default: a ping)." };
        var data = new Option<string?>("--data") { Description = "Its data as JSON (default: the catalog's example)." };
        Add(webhooks, context, new Command("test", "Send a test event now and show the receiver's answer.") { id, type, data },
            (parse, client, ct) => client.Webhooks.TestAsync(parse.GetValue(id)!, parse.GetValue(type), CliValues.Json(parse.GetValue(data), "--data"), ct));

        var since = new Option<string>("--since") { Description = "Failed deliveries created from this time on (RFC 3339).", Required = true };
        var until = new Option<string?>("--until") { Description = "… and before this time (RFC 3339)." };
        Add(webhooks, context, new Command("recover", "Queue again every failed delivery of a webhook since a time.") { id, since, until },
            (parse, client, ct) => client.Webhooks.RecoverAsync(parse.GetValue(id)!, CliValues.Time(parse.GetValue(since), "--since")!.Value,
                CliValues.Time(parse.GetValue(until), "--until"), ct));
        return webhooks;
    }

    private static void Add<T>(Command parent, CliContext context, Command command, Func<ParseResult, HeraldClient, CancellationToken, Task<T>> call)
    {
        CliAction.Set(command, context, async (parse, client, ct) => await call(parse, client, ct));
        parent.Add(command);
    }
}
