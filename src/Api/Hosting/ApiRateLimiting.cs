using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Herald.Api.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Herald.Api.Hosting;

/// <summary>
/// A fixed-window limit per bearer key (partitioned by the key's SHA-256, so no key is kept in memory; requests
/// without a key share a partition per client address). Over the limit: 429 problem details with <c>Retry-After</c>.
/// </summary>
public static class ApiRateLimiting
{
    public const string PerKeyPolicy = "per-key";

    public static IServiceCollection AddHeraldRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.PermitLimit > 0 && o.Window > TimeSpan.Zero && o.Window <= TimeSpan.FromHours(1),
                $"{RateLimitOptions.Section}: PermitLimit must be positive and Window between 1 ms and 1 h.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            limiter.AddPolicy(PerKeyPolicy, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(PartitionKey(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitLimit,
                    Window = options.Window,
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }

    private static string PartitionKey(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7)
        {
            return "key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(header[7..].Trim())));
        }
        return "anonymous:" + http.Connection.RemoteIpAddress;
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var after = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        await Problems.RetryLater(context.HttpContext, StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited, "Too many requests",
            $"This key has used its request allowance; try again in {Math.Max(1, (int)Math.Ceiling(after.TotalSeconds))} s.", after)
            .ExecuteAsync(context.HttpContext);
    }
}
