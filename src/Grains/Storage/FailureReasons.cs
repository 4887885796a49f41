namespace Herald.Grains.Storage;

/// <summary>Why a delivery ended failed, as the failure outbox and the <c>delivery.exhausted</c> event name it.</summary>
public static class FailureReasons
{
    /// <summary>The last attempt its retry policy allows failed.</summary>
    public const string Exhausted = "attempts_exhausted";

    /// <summary>An answer that is not retried (a 4xx, a blocked destination) ended it at once.</summary>
    public const string Permanent = "permanent_failure";
}
