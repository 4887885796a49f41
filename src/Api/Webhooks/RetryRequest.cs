namespace Herald.Api.Webhooks;

/// <summary>
/// <c>{"schedule": ["1m", …]}</c>, <c>{"exponential": {…}}</c> or <c>{"preset": "fast-start"}</c>, and whether
/// 4xx answers are retried.
/// </summary>
public sealed record RetryRequest(List<string>? Schedule, ExponentialRequest? Exponential, bool? RetryClientErrors, string? Preset = null);
