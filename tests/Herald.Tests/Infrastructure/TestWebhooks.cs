using Herald.Abstractions.Webhooks;

namespace Herald.Tests.Infrastructure;

/// <summary>Webhook specs for tests: a receiver URL, the given subscriptions, short retries.</summary>
public static class TestWebhooks
{
    public static WebhookSpec Spec(string url, IReadOnlyList<string> events, string? source = null, RetryPolicy? retry = null) =>
        new(url, events, source, null, null, retry ?? new RetryPolicy([TimeSpan.FromMilliseconds(200)], null, false), 5,
            new Dictionary<string, string>());
}
