namespace Herald.Grains.Storage;

/// <summary>
/// One row of the failure outbox: a delivery that ended failed (<see cref="OutboxKinds.Failed"/>, with its
/// <see cref="Reason"/>), or one whose streak of failed attempts crossed the threshold or ended in a success
/// (<see cref="OutboxKinds.Failing"/>, <see cref="OutboxKinds.Recovered"/>), with what its consequences need.
/// <see cref="AttemptId"/> (the attempt that caused it) and <see cref="Kind"/> identify the row, so each consequence
/// can be applied once per row.
/// </summary>
public sealed record FailedDelivery(
    string AttemptId,
    string DeliveryId,
    string EventId,
    string EventType,
    int Attempts,
    string? Reason,
    int? StatusCode,
    string? Error,
    DateTimeOffset FailedAt,
    string Kind = OutboxKinds.Failed)
{
    /// <summary>The outbox rows an attempt record writes, in the order they are applied (a streak's start before the failure).</summary>
    public static IEnumerable<FailedDelivery> Of(AttemptRecord attempt)
    {
        if (attempt.StreakEvent is { } streak)
        {
            yield return new(attempt.AttemptId, attempt.DeliveryId, attempt.EventId, attempt.EventType, attempt.Attempt, null,
                attempt.StatusCode, attempt.Error, attempt.AttemptedAt, streak);
        }
        if (attempt.FailureReason is { } reason)
        {
            yield return new(attempt.AttemptId, attempt.DeliveryId, attempt.EventId, attempt.EventType, attempt.Attempt, reason,
                attempt.StatusCode, attempt.Error, attempt.AttemptedAt);
        }
    }
}
