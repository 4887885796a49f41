namespace Herald.Client.Models;

/// <summary>How many deliveries a bulk retry matched; they are queued again in the background.</summary>
public sealed record RetryDeliveriesResult : ApiObject
{
    public int Matched { get; init; }
}
