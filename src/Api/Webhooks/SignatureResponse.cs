namespace Herald.Api.Webhooks;

public sealed record SignatureResponse(string Scheme)
{
    public static SignatureResponse StandardWebhooks { get; } = new("standard-webhooks");
}
