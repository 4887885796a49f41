using Herald.Abstractions.Webhooks;
using Herald.Grains.Storage;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Delivery;

/// <summary>Each kind of answer, from a real receiver on 127.0.0.1, is classified as the delivery rules say.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClassificationTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData("500", true, "HTTP 500")]
    [InlineData("503", true, "HTTP 503")]
    [InlineData("408", true, "HTTP 408")]
    [InlineData("429", true, "HTTP 429")]
    [InlineData("301", true, "HTTP 301")]
    [InlineData("timeout", true, "timed out")]
    [InlineData("reset", true, "")]
    [InlineData("410", false, "HTTP 410")]
    [InlineData("400", false, "HTTP 400")]
    [InlineData("400-retry-client-errors", true, "HTTP 400")]
    public async Task First_answer_is_retried_or_final_as_classified(string answer, bool retried, string error)
    {
        await using var receiver = await Receiver.StartAsync();
        var first = answer switch
        {
            "timeout" => new Reply(Hang: TimeSpan.FromSeconds(5)),
            "reset" => new Reply(Reset: true),
            "301" => new Reply(301, Location: receiver.Url("/moved")),
            "400-retry-client-errors" => new Reply(400),
            _ => new Reply(int.Parse(answer)),
        };
        receiver.Behave = (n, _) => n == 1 ? first : Reply.Ok;
        var scenario = await ClusterScenario.StartAsync(fixture);
        var retry = ClusterScenario.Schedule(0.1) with { RetryClientErrors = answer == "400-retry-client-errors" };
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["*"], retry, timeoutSeconds: 1);

        var eventId = await scenario.PublishAsync("server.created");

        var final = await scenario.StatusWhenAsync(eventId, webhook, retried ? DeliveryStatuses.Succeeded : DeliveryStatuses.Failed);
        var attempts = await scenario.AttemptsAsync(webhook);
        Assert.Equal(retried ? 2 : 1, attempts.Count);
        Assert.False(attempts[0].Succeeded);
        Assert.Contains(error, attempts[0].Error);
        Assert.DoesNotContain(receiver.Requests, r => r.Path == "/moved");
        Assert.Equal(retried ? DeliveryStatuses.Succeeded : DeliveryStatuses.Failed, final);
    }

    [Fact]
    public async Task Retry_after_is_honoured_when_longer_than_the_schedule()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Behave = (n, _) => n == 1 ? new Reply(429, RetryAfter: "1") : Reply.Ok;
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["*"], ClusterScenario.Schedule(0.1));

        await scenario.PublishAsync("server.created");

        var attempts = await scenario.AttemptsWhenAsync(webhook, a => a.Count == 2, "retried after Retry-After");
        Assert.InRange((attempts[1].AttemptedAt - attempts[0].AttemptedAt).TotalSeconds, 0.95, 10);
    }

    [Fact]
    public async Task An_absurd_retry_after_is_cut_to_the_configured_bound()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Behave = (_, _) => new Reply(503, RetryAfter: "31536000");
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["*"], ClusterScenario.Schedule(0.1));

        await scenario.PublishAsync("server.created");

        var first = (await scenario.AttemptsWhenAsync(webhook, a => a.Count == 1, "first attempt"))[0];
        Assert.InRange((first.NextAttemptAt!.Value - first.AttemptedAt).TotalHours, 0.99, 1.01);
    }
}
