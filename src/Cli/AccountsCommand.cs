using System.CommandLine;
using Herald.Client.Models;

namespace Herald.Cli;

/// <summary><c>herald accounts …</c></summary>
public static class AccountsCommand
{
    public static Command Create(CliContext context)
    {
        var accounts = new Command("accounts", "Accounts: create (admin key) and read.");

        var name = new Option<string>("--name") { Description = "The account's name.", Required = true };
        var email = new Option<string?>("--notify-email") { Description = "Where to email when a webhook is disabled by failures." };
        var timeout = new Option<int?>("--timeout-seconds") { Description = "Default delivery timeout of its webhooks (1–60)." };
        var create = new Command("create", "Create an account (admin key); prints its API key, shown this once.") { name, email, timeout };
        CliAction.Set(create, context, async (parse, client, ct) => await client.Accounts.CreateAsync(
            new CreateAccountRequest(parse.GetValue(name)!) { NotifyEmail = parse.GetValue(email), TimeoutSeconds = parse.GetValue(timeout) }, ct));
        accounts.Add(create);

        var id = new Argument<string>("account-id") { Description = "The account's id (acc_…)." };
        var get = new Command("get", "Show an account and its settings.") { id };
        CliAction.Set(get, context, async (parse, client, ct) => await client.Accounts.GetAsync(parse.GetValue(id)!, ct));
        accounts.Add(get);

        var paging = new ListCommandOptions();
        var list = new Command("list", "List accounts (admin key).");
        paging.AddTo(list, timeRange: false);
        CliAction.Set(list, context, (parse, client, ct) => paging.PageAsync(parse, paging.Read(parse), client.Accounts.ListAsync, ct));
        accounts.Add(list);
        return accounts;
    }
}
