namespace Herald.Grains.Storage;

/// <summary>The values of <c>herald_deliveries.status</c>.</summary>
public static class DeliveryStatuses
{
    public const string Pending = "pending";
    public const string Held = "held";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
