namespace Herald.Api.Webhooks;

/// <summary><c>{"schedule": ["1m", …]}</c> or <c>{"exponential": {…}}</c>, and whether 4xx answers are retried.</summary>
public sealed record RetryRequest(List<string>? Schedule, ExponentialRequest? Exponential, bool? RetryClientErrors);
