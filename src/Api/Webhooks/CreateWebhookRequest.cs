namespace Herald.Api.Webhooks;

/// <summary>The body of <c>POST /v1/webhooks</c>: the registration's fields, its secret if the caller supplies one, and the account an admin acts for.</summary>
public sealed record CreateWebhookRequest : WebhookFields
{
    public string? Secret { get; init; }
    public string? AccountId { get; init; }
}
