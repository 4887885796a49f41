namespace Herald.Client.Models;

/// <summary>A delivery queued again by <c>POST /v1/webhooks/{id}/deliveries/{delivery_id}/retry</c>.</summary>
public sealed record ResendResult : ApiObject
{
    public required string DeliveryId { get; init; }
    public string? Status { get; init; }
}
