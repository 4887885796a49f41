using Herald.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace Herald.Api.Hosting;

/// <summary>
/// The API's two allowances (<see cref="RateLimitOptions"/>), enforced by the authentication filter once it knows who
/// calls: requests per valid key (partitioned by the key's SHA-256, so no key is kept in memory), and failed
/// authentications per client address, so that inventing keys buys neither requests nor database queries.
/// </summary>
public static class ApiRateLimiting
{
    /// <summary>The service key of the per-key request allowance.</summary>
    public const string Requests = "herald.requests";

    /// <summary>The service key of the per-address allowance of failed authentications.</summary>
    public const string FailedAuthentications = "herald.failed-authentications";

    public static IServiceCollection AddHeraldRateLimiting(this IServiceCollection services)
    {
        services.AddValidatedOptions<RateLimitOptions, RateLimitOptionsValidator>(RateLimitOptions.Section);
        services.AddKeyedSingleton(Requests, (provider, _) =>
        {
            var options = provider.GetRequiredService<IOptions<RateLimitOptions>>().Value;
            return new WindowLimiter(options.PermitLimit, options.Window);
        });
        services.AddKeyedSingleton(FailedAuthentications, (provider, _) =>
        {
            var options = provider.GetRequiredService<IOptions<RateLimitOptions>>().Value;
            return new WindowLimiter(options.FailedAuthLimit, options.FailedAuthWindow);
        });
        return services;
    }
}
