namespace Herald.Grains.Storage;

/// <summary>
/// One row of the failure outbox: a delivery that ended failed, with what its consequences need. <see cref="AttemptId"/>
/// (the attempt that ended it) identifies the row, so each consequence can be applied once per row.
/// </summary>
public sealed record FailedDelivery(
    string AttemptId,
    string DeliveryId,
    string EventId,
    string EventType,
    int Attempts,
    string Reason,
    int? StatusCode,
    string? Error,
    DateTimeOffset FailedAt)
{
    /// <summary>The outbox row an attempt record writes, or null when the record ends nothing.</summary>
    public static FailedDelivery? Of(AttemptRecord attempt) => attempt.FailureReason is { } reason
        ? new(attempt.AttemptId, attempt.DeliveryId, attempt.EventId, attempt.EventType, attempt.Attempt, reason,
            attempt.StatusCode, attempt.Error, attempt.AttemptedAt)
        : null;
}
