using Herald.Grains.Delivery;
using Herald.Grains.Signing;
using Herald.Grains.Storage;
using Herald.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Endpoints;

/// <summary>One attempt: the signed request built from the endpoint's settings as they are now, sent, and judged into the record that will say what happened.</summary>
internal sealed partial class AttemptRunner(
    EndpointContext endpoint,
    WebhookSender sender,
    DeliverySigner signer,
    FailurePolicy failures,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Sends <paramref name="message"/> and answers the record of the attempt; cancelled only by the endpoint's deletion.</summary>
    public async Task<AttemptRecord> RunAsync(QueuedDelivery message, CancellationToken cancellationToken)
    {
        var attemptedAt = time.GetUtcNow();
        var outcome = await SendAsync(message, attemptedAt, cancellationToken);
        var verdict = AttemptClassifier.Classify(outcome, endpoint.State.Retry.RetryClientErrors);
        var record = failures.Judge(message, outcome, verdict, attemptedAt);
        HeraldMetrics.RecordAttempt(message, attemptedAt, outcome.Latency, verdict, record.DeliveryStatus);
        if (verdict == AttemptClass.Succeeded)
        {
            LogDelivered(logger, endpoint.Id, message.EventId, record.Attempt, outcome.StatusCode);
        }
        else
        {
            LogAttemptFailed(logger, endpoint.Id, message.EventId, record.Attempt, outcome.StatusCode, outcome.Error, record.DeliveryStatus);
        }
        return record;
    }

    /// <summary>One signed POST of the message, as the endpoint's settings say now.</summary>
    public async Task<AttemptOutcome> SendAsync(QueuedDelivery message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var state = endpoint.State;
        var headers = new List<KeyValuePair<string, string>>(state.Headers);
        headers.AddRange(signer.Sign(endpoint.Id, state, message.EventId, message.EventType, message.Body, now));
        headers.Add(new("User-Agent", options.Value.UserAgent));
        var request = new OutgoingRequest(new Uri(state.Url), message.Body, headers, TimeSpan.FromSeconds(state.TimeoutSeconds));
        var outcome = await sender.SendAsync(request, cancellationToken);
        return outcome with { RequestHeaders = RequestHeaderLog.Write(headers, state.Signature) };
    }

    // Successes are the hot path (thousands a second): Debug, so that the default log level costs nothing per delivery.
    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Delivery attempt {Attempt} of event {EventId} to endpoint {EndpointId}: status {StatusCode}, delivered")]
    private static partial void LogDelivered(ILogger logger, string endpointId, string eventId, int attempt, int? statusCode);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Delivery attempt {Attempt} of event {EventId} to endpoint {EndpointId}: status {StatusCode}, error {Error}, delivery now {DeliveryStatus}")]
    private static partial void LogAttemptFailed(ILogger logger, string endpointId, string eventId, int attempt, int? statusCode, string? error, string deliveryStatus);
}
