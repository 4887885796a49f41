using Herald.Tests.Api;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Clients;

public sealed class HeraldCliTests(SocketApiFixture fixture) : IClassFixture<SocketApiFixture>
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [Fact]
    public async Task The_README_tour_runs_through_the_cli()
    {
        await using var receiver = await Receiver.StartAsync();

        var account = await Run(ApiFixture.AdminKey, "accounts", "create", "--name", "cli-tour");
        var key = account.Json.GetProperty("api_key").GetString()!;
        var accountId = account.Json.GetProperty("id").GetString()!;
        var webhook = await Run(key, "webhooks", "create", receiver.Url(), "--event", "server.*", "--description", "cli");
        var id = webhook.Json.GetProperty("id").GetString()!;
        var published = await Run(key, "events", "publish", "--type", "server.created", "--data", """{"server":{"id":"srv_1"}}""");
        var eventId = published.Json.GetProperty("id").GetString()!;
        Assert.True(await Eventually.HoldsAsync(() => receiver.Requests.Count == 1, TimeSpan.FromSeconds(20)));
        var read = await Run(key, "events", "get", eventId);
        var log = await Run(key, "deliveries", "list", id);
        var updated = await Run(key, "webhooks", "update", id, "--event", "server.*", "--event", "invoice.*", "--description", "");
        var got = await Run(key, "accounts", "get", accountId);

        Assert.StartsWith("whsec_", webhook.Json.GetProperty("secret").GetString());
        Assert.StartsWith("evt_", eventId);
        Assert.Equal(eventId, read.Json.GetProperty("id").GetString());
        Assert.Equal(eventId, log.Json.GetProperty("data")[0].GetProperty("event_id").GetString());
        Assert.Equal(["server.*", "invoice.*"], updated.Json.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, updated.Json.GetProperty("description").ValueKind);
        Assert.Equal("cli-tour", got.Json.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Webhook_control_commands_answer_as_the_api_does()
    {
        await using var receiver = await Receiver.StartAsync();
        var (_, key) = await fixture.CreateAccountAsync("cli-control");
        var id = (await Run(key, "webhooks", "create", receiver.Url(), "-e", "a.b")).Json.GetProperty("id").GetString()!;

        var disabled = await Run(key, "webhooks", "disable", id);
        var enabled = await Run(key, "webhooks", "enable", id);
        var rotated = await Run(key, "webhooks", "rotate-secret", id, "--grace-period", "1h");
        var test = await Run(key, "webhooks", "test", id);
        var recovered = await Run(key, "webhooks", "recover", id, "--since", DateTimeOffset.UtcNow.AddHours(-1).ToString("O"));
        var list = await Run(key, "webhooks", "list", "--all", "--limit", "1");
        var got = await Run(key, "webhooks", "get", id);
        var deleted = await Run(key, "webhooks", "delete", id);
        var gone = await CliRun.RunAsync(Environment(key), CancellationToken.None, "webhooks", "get", id);

        Assert.Equal("disabled", disabled.Json.GetProperty("status").GetString());
        Assert.Equal("active", enabled.Json.GetProperty("status").GetString());
        Assert.StartsWith("whsec_", rotated.Json.GetProperty("secret").GetString());
        Assert.True(test.Json.GetProperty("succeeded").GetBoolean());
        Assert.Equal(0, recovered.Json.GetProperty("recovered").GetInt32());
        Assert.Equal(id, Assert.Single(list.Json.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(id, got.Json.GetProperty("id").GetString());
        Assert.True(deleted.Json.GetProperty("deleted").GetBoolean());
        Assert.Equal(1, gone.ExitCode);
        Assert.Contains("\"code\":\"not_found\"", gone.Error);
    }

    [Fact]
    public async Task The_address_and_key_come_from_HERALD_URL_and_HERALD_API_KEY_and_a_table_is_printed_on_request()
    {
        await using var receiver = await Receiver.StartAsync();
        var (_, key) = await fixture.CreateAccountAsync("cli-env");
        await Run(key, "webhooks", "create", receiver.Url(), "-e", "a.b", "--description", "tabled");

        var table = await CliRun.RunAsync(Environment(key), CancellationToken.None, "webhooks", "list", "--output", "table");

        Assert.Equal(0, table.ExitCode);
        var lines = table.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID", lines[0]);
        Assert.Contains("URL", lines[0]);
        Assert.Contains("tabled", lines[1]);
    }

    [Fact]
    public async Task Without_an_address_the_cli_exits_2_and_a_refusal_or_an_unreachable_Herald_exits_1_with_the_reason_on_stderr()
    {
        var none = await CliRun.RunAsync(NoEnvironment, CancellationToken.None, "--key", "k", "webhooks", "list");
        var wrongKey = await CliRun.RunAsync(Environment("hk_not_a_key"), CancellationToken.None, "webhooks", "list");
        var badJson = await CliRun.RunAsync(Environment("k"), CancellationToken.None, "events", "publish", "--type", "a.b", "--data", "{");
        var unreachable = await CliRun.RunAsync(NoEnvironment, CancellationToken.None, "--url", "http://127.0.0.1:1", "--key", "k", "webhooks", "list");

        Assert.Equal(2, none.ExitCode);
        Assert.Contains("HERALD_URL", none.Error);
        Assert.Equal(1, wrongKey.ExitCode);
        Assert.Contains("\"code\":\"unauthorized\"", wrongKey.Error);
        Assert.Equal("", wrongKey.Output);
        Assert.Equal(2, badJson.ExitCode);
        Assert.Contains("--data", badJson.Error);
        Assert.Equal(1, unreachable.ExitCode);
        Assert.Contains("could not be reached", unreachable.Error);
    }

    [Fact]
    public async Task Deliveries_tail_follows_new_attempts_until_its_count()
    {
        await using var receiver = await Receiver.StartAsync();
        var (_, key) = await fixture.CreateAccountAsync("cli-tail");
        var id = (await Run(key, "webhooks", "create", receiver.Url(), "-e", "*")).Json.GetProperty("id").GetString()!;
        await Run(key, "events", "publish", "--type", "before.tail", "--id", "evt_before_tail");
        Assert.True(await Eventually.HoldsAsync(() => receiver.Requests.Count == 1, TimeSpan.FromSeconds(20)));
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var since = DateTimeOffset.UtcNow;

        // --since: attempts from then on are printed whether the tail's first poll comes before them or after
        var tail = CliRun.RunAsync(Environment(key), limit.Token, "deliveries", "tail", id, "--count", "2", "--interval", "100ms",
            "--max-interval", "500ms", "--since", since.ToString("O"));
        await Run(key, "events", "publish", "--type", "tail.one", "--id", "evt_tail_1");
        Assert.True(await Eventually.HoldsAsync(() => receiver.Requests.Count == 2, TimeSpan.FromSeconds(20)));
        await Run(key, "events", "publish", "--type", "tail.two", "--id", "evt_tail_2");
        var run = await tail;

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("evt_tail_1", lines[0]);
        Assert.Contains("evt_tail_2", lines[1]);
        Assert.DoesNotContain("evt_before_tail", run.Output);
    }

    [Fact]
    public async Task Help_documents_every_command()
    {
        var help = await CliRun.RunAsync(NoEnvironment, CancellationToken.None, "--help");
        var webhooks = await CliRun.RunAsync(NoEnvironment, CancellationToken.None, "webhooks", "--help");

        Assert.Equal(0, help.ExitCode);
        foreach (var command in new[] { "accounts", "webhooks", "events", "deliveries", "retry", "--url", "--key", "--output" })
        {
            Assert.Contains(command, help.Output);
        }
        foreach (var command in new[] { "create", "list", "get", "update", "delete", "enable", "disable", "rotate-secret", "test", "recover" })
        {
            Assert.Contains(command, webhooks.Output);
        }
    }

    private async Task<CliRun> Run(string key, params string[] args)
    {
        var run = await CliRun.RunAsync(Environment(key), CancellationToken.None, args);
        Assert.True(run.ExitCode == 0, $"herald {string.Join(' ', args)}: {run.ExitCode} {run.Error}");
        return run;
    }

    private Dictionary<string, string> Environment(string key) => new()
    {
        ["HERALD_URL"] = fixture.BaseAddress.ToString(),
        ["HERALD_API_KEY"] = key,
    };
}
