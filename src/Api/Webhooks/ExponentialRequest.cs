namespace Herald.Api.Webhooks;

public sealed record ExponentialRequest(string? Base, double? Factor, int? MaxAttempts);
