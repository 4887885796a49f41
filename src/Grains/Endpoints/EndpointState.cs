using Herald.Abstractions.Signatures;
using Herald.Abstractions.Webhooks;

namespace Herald.Grains.Endpoints;

/// <remarks>
/// Serializer ids by area, so that features can be added side by side: 0–19 core and delivery,
/// 20–29 signatures and secrets, 30–39 sources and security, 40–49 operations.
/// </remarks>
[GenerateSerializer, Alias("herald.endpoint-state")]
public sealed class EndpointState
{
    [Id(0)] public string AccountId { get; set; } = "";
    [Id(1)] public string Url { get; set; } = "";
    [Id(2)] public List<string> Events { get; set; } = [];
    [Id(3)] public string? Source { get; set; }
    [Id(4)] public string? Description { get; set; }
    // Id 5 held the secret in plain text before secrets were encrypted; it is not reused.
    [Id(6)] public RetryPolicy Retry { get; set; } = RetryPolicy.Default;
    [Id(7)] public int TimeoutSeconds { get; set; }
    [Id(8)] public Dictionary<string, string> Headers { get; set; } = [];
    [Id(9)] public WebhookStatus Status { get; set; }
    [Id(10)] public string? DisabledReason { get; set; }
    [Id(11)] public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Deliveries in a row that ended failed (exhausted or permanent); reset by a success.</summary>
    [Id(12)] public int ConsecutiveFailures { get; set; }
    [Id(13)] public DeliveryOrdering Ordering { get; set; }
    [Id(14)] public int MaxInFlight { get; set; } = 1;
    /// <summary>Deliveries per second at most; null for no limit.</summary>
    [Id(15)] public int? RateLimit { get; set; }
    /// <summary>Counts the changes (<c>PATCH</c>) applied to the settings; a delivery pass that sees it move starts over.</summary>
    [Id(16)] public long Revision { get; set; }
    /// <summary>A tombstone: the endpoint was deleted and sends nothing; its rows and state go once its index entry has gone.</summary>
    [Id(17)] public bool Deleted { get; set; }
    /// <summary>
    /// Failure outbox rows whose count this state holds and that may not be deleted yet, so that a row applied again
    /// is not counted twice. A row leaves the list once deleted (written with the next change of the state).
    /// </summary>
    [Id(18)] public List<string> AppliedFailures { get; set; } = [];
    /// <summary>The failure outbox row whose delivery made the disable rule disable the endpoint (null when it was not the rule).</summary>
    [Id(19)] public string? DisabledBy { get; set; }

    [Id(20)] public SignatureProfile Signature { get; set; } = SignatureProfile.StandardWebhooks;
    /// <summary>The signing secret, sealed by <see cref="Secrets.SecretProtector"/>: never stored in plain text.</summary>
    [Id(21)] public byte[] SealedSecret { get; set; } = [];
    /// <summary>The secret before the last rotation, sealed; it signs too until <see cref="PreviousSecretExpiresAt"/>.</summary>
    [Id(22)] public byte[]? SealedPreviousSecret { get; set; }
    [Id(23)] public DateTimeOffset? PreviousSecretExpiresAt { get; set; }

    /// <summary>Bulk retries accepted and not finished, oldest first; the delivery passes work through them in batches.</summary>
    [Id(40)] public List<BulkRetryJob> Retries { get; set; } = [];

    /// <summary>
    /// Takes every setting of a registration, at creation and at each change: all but the account, the secrets, the
    /// status and the counters. Collections are replaced, never changed in place, so views already handed out stay as they were.
    /// </summary>
    public void Configure(WebhookSpec spec, int defaultTimeoutSeconds)
    {
        Url = spec.Url;
        Events = [.. spec.Events];
        Source = spec.Source;
        Description = spec.Description;
        Retry = spec.Retry ?? RetryPolicy.Default;
        TimeoutSeconds = spec.TimeoutSeconds ?? defaultTimeoutSeconds;
        Headers = new Dictionary<string, string>(spec.Headers);
        Ordering = spec.Ordering;
        MaxInFlight = spec.Ordering == DeliveryOrdering.Concurrent ? spec.MaxInFlight : 1;
        RateLimit = spec.RateLimit;
        Signature = spec.Signature ?? SignatureProfile.StandardWebhooks;
    }
}
