using System.Text.Json;
using Herald.Abstractions.Events;
using Herald.Abstractions.Ids;
using Herald.Abstractions.Webhooks;
using Herald.Grains.Events;
using Herald.Grains.Storage;

namespace Herald.Grains.Endpoints;

/// <summary>
/// A signed <c>webhook.test</c> event sent now, outside the queue and whatever the endpoint's status, once, and
/// logged as an attempt through the statement every attempt goes through.
/// </summary>
internal sealed class TestSend(EndpointContext endpoint, AttemptRunner attempts, DeliveryQueue queue, TimeProvider time)
{
    public async Task<TestDeliveryResult> RunAsync()
    {
        var now = time.GetUtcNow();
        var eventId = HeraldId.New("evt", time);
        var body = EventEnvelope.Write(eventId, OperationalEvents.WebhookTest, now,
            JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["webhook_id"] = endpoint.Id }));
        var message = new QueuedDelivery(HeraldId.New("dlv", time), eventId, OperationalEvents.WebhookTest, body, 0, 0, now);
        var outcome = await attempts.SendAsync(message, now, CancellationToken.None);
        var attempt = new AttemptRecord(HeraldId.New("att", time), message.DeliveryId, endpoint.Id, eventId, OperationalEvents.WebhookTest, 1,
            outcome.IsSuccess, outcome.StatusCode, (int)outcome.Latency.TotalMilliseconds, outcome.Error, outcome.ResponseExcerpt, now, null,
            outcome.IsSuccess ? DeliveryStatuses.Succeeded : DeliveryStatuses.Failed) { RequestHeaders = outcome.RequestHeaders };
        await queue.RecordTestAsync(endpoint.State.AccountId, body, attempt);
        return new TestDeliveryResult(eventId, message.DeliveryId, outcome.IsSuccess, outcome.StatusCode, attempt.LatencyMs, outcome.Error, outcome.ResponseExcerpt);
    }
}
