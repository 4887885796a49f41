namespace Herald.Api.Webhooks;

/// <summary>
/// The body of <c>POST /v1/webhooks</c>: the registration's fields, its secret if the caller supplies one, the account
/// an admin acts for, and <c>test</c>: send a test ping once it is created and answer its outcome.
/// </summary>
public sealed record CreateWebhookRequest : WebhookFields
{
    public string? Secret { get; init; }
    public string? AccountId { get; init; }
    public bool? Test { get; init; }
}
