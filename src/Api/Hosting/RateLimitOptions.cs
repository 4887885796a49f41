namespace Herald.Api.Hosting;

/// <summary>The API's request rate limit per key, bound from <c>Herald:RateLimit</c>: <see cref="PermitLimit"/> requests per <see cref="Window"/>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Herald:RateLimit";

    public int PermitLimit { get; set; } = 1000;

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);
}
