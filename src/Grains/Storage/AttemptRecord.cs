namespace Herald.Grains.Storage;

/// <summary>
/// One attempt and the delivery state it leaves behind (<see cref="DeliveryStatus"/>, <see cref="NextAttemptAt"/>).
/// <see cref="FailureReason"/> is set when the attempt ends its delivery failed and the endpoint must apply what
/// follows (<see cref="FailureReasons"/>); <see cref="StreakEvent"/> when it starts or ends the delivery's failing
/// streak (<see cref="OutboxKinds.Failing"/>, <see cref="OutboxKinds.Recovered"/>). Either makes the record also write
/// a failure outbox row.
/// </summary>
public sealed record AttemptRecord(
    string AttemptId,
    string DeliveryId,
    string EndpointId,
    string EventId,
    string EventType,
    int Attempt,
    bool Succeeded,
    int? StatusCode,
    int LatencyMs,
    string? Error,
    string? ResponseExcerpt,
    DateTimeOffset AttemptedAt,
    DateTimeOffset? NextAttemptAt,
    string DeliveryStatus,
    string? FailureReason = null,
    string? StreakEvent = null)
{
    /// <summary>The record writes outbox rows, whose consequences the endpoint applies once it is durable.</summary>
    public bool HasConsequences => FailureReason is not null || StreakEvent is not null;

    /// <summary>The request's headers, masked, as a JSON object (<see cref="Delivery.RequestHeaderLog"/>).</summary>
    public string? RequestHeaders { get; init; }
}
