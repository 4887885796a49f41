namespace Herald.Api.Webhooks;

/// <summary>The new secret (shown this once) and when the previous one stops signing.</summary>
public sealed record RotateSecretResponse(string Secret, DateTimeOffset PreviousExpiresAt);
