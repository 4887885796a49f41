namespace Herald.Grains.Limits;

/// <summary>Deployment-wide limits, bound from <c>Herald:Limits</c>; accounts may override some of them.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Herald:Limits";

    /// <summary>Webhooks scoped to one source, for accounts that set no <c>max_webhooks_per_source</c> (Greenlight's 20 per node).</summary>
    public int MaxWebhooksPerSource { get; set; } = 20;

    /// <summary>Webhooks one account may have in all: it bounds the account grain's index and the fan-out of one publish.</summary>
    public int MaxWebhooksPerAccount { get; set; } = 1000;
}
