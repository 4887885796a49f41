namespace Herald.Api.Hosting;

/// <summary>
/// The API's request rate limits, bound from <c>Herald:RateLimit</c>: <see cref="PermitLimit"/> requests per
/// <see cref="Window"/> per valid key (per client address for requests without one), and a limit on failed
/// authentications per client address.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Herald:RateLimit";

    public int PermitLimit { get; set; } = 1000;

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Failed authentications (a missing, unknown or expired key) one client address may make per
    /// <see cref="FailedAuthWindow"/>; past it, keys this process does not already know valid are answered 429 unchecked.
    /// </summary>
    public int FailedAuthLimit { get; set; } = 100;

    public TimeSpan FailedAuthWindow { get; set; } = TimeSpan.FromMinutes(1);
}
