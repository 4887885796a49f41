namespace Herald.Abstractions.Webhooks;

/// <summary>
/// A change was refused because the webhook's settings changed since the caller read the revision it built the change
/// on: applying it would silently undo the other change. The caller reads the webhook again and rebuilds its change.
/// </summary>
[GenerateSerializer, Alias("herald.webhook-changed")]
public sealed class WebhookChangedException : Exception
{
    public WebhookChangedException()
    {
    }

    public WebhookChangedException(string endpointId, long expected, long actual)
        : base($"Webhook {endpointId} is at revision {actual}, not {expected}.")
    {
        EndpointId = endpointId;
    }

    [Id(0)] public string EndpointId { get; init; } = "";
}
