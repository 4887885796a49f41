namespace Herald.Grains.Storage;

/// <summary>What a failure outbox row asks its endpoint to apply.</summary>
public static class OutboxKinds
{
    /// <summary>A delivery ended failed: the failure count, <c>delivery.exhausted</c>, the disable rule.</summary>
    public const string Failed = "failed";

    /// <summary>A delivery's attempts failed <c>Herald:Delivery:FailingAfter</c> times in a row: <c>delivery.failing</c>.</summary>
    public const string Failing = "failing";

    /// <summary>A delivery that was announced failing succeeded: <c>delivery.recovered</c>.</summary>
    public const string Recovered = "recovered";
}
