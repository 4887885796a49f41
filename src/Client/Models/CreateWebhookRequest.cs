namespace Herald.Client.Models;

/// <summary>The body of <c>POST /v1/webhooks</c>.</summary>
public sealed record CreateWebhookRequest(string Url, IReadOnlyList<string> Events) : WebhookSettings
{
    [Credential]
    public string? Secret { get; init; }

    /// <summary>The account an admin key creates it for.</summary>
    public string? AccountId { get; init; }

    /// <summary>Send a test event at once; the answer carries its outcome (<see cref="Webhook.Test"/>).</summary>
    public bool? Test { get; init; }
}
