namespace Herald.Api.Webhooks;

public sealed record ExponentialResponse(string Base, double Factor, int MaxAttempts);
