namespace Herald.Client.Models;

/// <summary>The body of <c>POST /v1/accounts</c> (admin).</summary>
public sealed record CreateAccountRequest(string Name)
{
    public int? TimeoutSeconds { get; init; }
    public string? OnExhausted { get; init; }
    public int? DisableAfter { get; init; }
    public string? NotifyEmail { get; init; }
}
