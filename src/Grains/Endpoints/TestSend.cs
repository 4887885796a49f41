using System.Text.Json;
using Herald.Abstractions.Events;
using Herald.Abstractions.Ids;
using Herald.Abstractions.Webhooks;
using Herald.Grains.Events;
using Herald.Grains.Storage;

namespace Herald.Grains.Endpoints;

/// <summary>
/// A signed test event sent now, outside the queue and whatever the endpoint's status, once, and logged as an attempt
/// through the statement every attempt goes through: a <c>webhook.test</c> ping, or an event of a type the caller
/// names with the data it gives (the API fills in the catalog's example).
/// </summary>
internal sealed class TestSend(EndpointContext endpoint, AttemptRunner attempts, DeliveryQueue queue, TimeProvider time)
{
    public async Task<TestDeliveryResult> RunAsync(TestEvent test)
    {
        var now = time.GetUtcNow();
        var eventId = HeraldId.New("evt", time);
        var type = test.Type ?? OperationalEvents.WebhookTest;
        var data = test.Data is { } bytes
            ? JsonDocument.Parse(bytes).RootElement.Clone()
            : JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["webhook_id"] = endpoint.Id });
        var body = EventEnvelope.Write(eventId, type, now, data);
        var message = new QueuedDelivery(HeraldId.New("dlv", time), eventId, type, body, 0, 0, now);
        var outcome = await attempts.SendAsync(message, now, CancellationToken.None);
        var attempt = new AttemptRecord(HeraldId.New("att", time), message.DeliveryId, endpoint.Id, eventId, type, 1,
            outcome.IsSuccess, outcome.StatusCode, (int)outcome.Latency.TotalMilliseconds, outcome.Error, outcome.ResponseExcerpt, now, null,
            outcome.IsSuccess ? DeliveryStatuses.Succeeded : DeliveryStatuses.Failed) { RequestHeaders = outcome.RequestHeaders };
        await queue.RecordTestAsync(endpoint.State.AccountId, body, attempt);
        return new TestDeliveryResult(eventId, message.DeliveryId, outcome.IsSuccess, outcome.StatusCode, attempt.LatencyMs, outcome.Error,
            outcome.ResponseExcerpt) { EventType = type };
    }
}
