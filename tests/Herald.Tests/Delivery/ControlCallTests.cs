using System.Diagnostics;
using Herald.Grains.Storage;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Delivery;

/// <summary>
/// Control calls answer whatever the queue or the receiver does: they interleave with the delivery pass instead of
/// waiting for it (issue 10, defect 1). The deadline is generous, far under Orleans' 30 s response timeout, and
/// only tells "answered alongside the pass" from "waited for the pass"; it is not a timing benchmark.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ControlCallTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Every_control_call_answers_while_an_attempt_hangs()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Behave = (_, _) => new Reply(Hang: TimeSpan.FromSeconds(60));
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["*"], timeoutSeconds: 30);
        var endpoint = scenario.Endpoint(webhook);
        await scenario.PublishAsync("slow.first");
        await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count == 1, what: "an attempt hangs");
        await scenario.PublishAsync("slow.second");

        var view = await AnswersAsync(() => endpoint.GetAsync(), "get");
        await AnswersAsync(() => endpoint.RotateSecretAsync(null, TimeSpan.FromHours(1)), "rotate");
        await AnswersAsync(() => scenario.Account.UpdateWebhookAsync(webhook,
            TestWebhooks.Spec(receiver.Url(), ["*"]) with { TimeoutSeconds = 30, Description = "patched" }, view!.Revision), "patch");
        await AnswersAsync(() => endpoint.ResendAsync("dlv_unknown"), "resend");
        await AnswersAsync(() => endpoint.RecoverAsync(DateTimeOffset.UtcNow.AddHours(-1)), "recover");
        await AnswersAsync(() => endpoint.DisableAsync(), "disable");
        await AnswersAsync(() => endpoint.EnableAsync(), "enable");
        Assert.True(await AnswersAsync(() => scenario.Account.DeleteWebhookAsync(webhook), "delete"));

        Assert.Null(await endpoint.GetAsync());
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Control_calls_answer_while_a_long_backlog_drains()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Behave = (_, _) => new Reply(Hang: TimeSpan.FromMilliseconds(5));
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["*"]);
        var endpoint = scenario.Endpoint(webhook);
        // 2,000 queued deliveries that take at least 5 ms each: a pass that ran until the queue was empty would take 10 s.
        await QueuedRows.InsertAsync(fixture.Database, scenario.AccountId, webhook, "backlog", 2000, DateTimeOffset.UtcNow);
        await endpoint.NotifyAsync(0);
        await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count >= 20, what: "the backlog drains");

        await AnswersAsync(() => endpoint.RotateSecretAsync(null, TimeSpan.FromHours(1)), "rotate");
        await AnswersAsync(() => endpoint.ResendAsync("dlv_unknown"), "resend");
        await AnswersAsync(() => endpoint.RecoverAsync(DateTimeOffset.UtcNow.AddHours(-1)), "recover");
        await AnswersAsync(() => endpoint.DisableAsync(), "disable");

        Assert.InRange(await fixture.Database.ScalarAsync<long>(
            "select count(*) from herald_deliveries where endpoint_id = @endpoint and status = 'held'", ("endpoint", webhook)), 1, 1980);
        Assert.True(await AnswersAsync(() => scenario.Account.DeleteWebhookAsync(webhook), "delete"));
    }

    private static async Task<T> AnswersAsync<T>(Func<Task<T>> call, string what)
    {
        var clock = Stopwatch.StartNew();
        var answer = await call();
        Assert.True(clock.Elapsed < Deadline, $"{what} took {clock.Elapsed}");
        return answer;
    }
}
