namespace Herald.Abstractions.Webhooks;

public enum WebhookStatus
{
    Active = 0,
    Disabled = 1,
}
