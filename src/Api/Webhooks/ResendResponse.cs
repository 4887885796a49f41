namespace Herald.Api.Webhooks;

public sealed record ResendResponse(string DeliveryId, string Status);
