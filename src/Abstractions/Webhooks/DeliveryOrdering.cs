namespace Herald.Abstractions.Webhooks;

public enum DeliveryOrdering
{
    /// <summary>One message in flight; the head blocks until it succeeds or fails for good.</summary>
    Strict = 0,

    /// <summary>Up to <c>max_in_flight</c> messages in flight, each retried on its own.</summary>
    Concurrent = 1,
}
