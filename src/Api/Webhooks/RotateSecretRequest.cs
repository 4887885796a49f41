namespace Herald.Api.Webhooks;

/// <summary>The body of <c>POST /v1/webhooks/{id}/rotate-secret</c>; it may be empty.</summary>
public sealed record RotateSecretRequest(string? Secret, string? GracePeriod)
{
    public static readonly TimeSpan DefaultGracePeriod = TimeSpan.FromHours(24);
    public static readonly TimeSpan MaxGracePeriod = TimeSpan.FromDays(7);
}
