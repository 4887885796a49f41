using Herald.Abstractions.Webhooks;

namespace Herald.Grains.Endpoints;

/// <summary>A bulk retry under way: its filter, and the last queue place it takes (rows queued later are not its own).</summary>
[GenerateSerializer, Immutable, Alias("herald.bulk-retry-job")]
public sealed record BulkRetryJob(
    [property: Id(0)] FailedDeliveryFilter Filter,
    [property: Id(1)] long UpTo);
