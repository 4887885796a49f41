using System.Security.Cryptography;
using System.Text;
using Herald.Api.Hosting;
using Herald.Api.Json;
using Herald.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace Herald.Api.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> on every /v1 route (401 without a valid key), then holds the
/// key to its request allowance (429). A client address that has failed too often gets 429 for any key this process does
/// not already know to be valid, before a database query is spent on it.
/// </summary>
public sealed class ApiKeyFilter(
    ApiKeyCache keys,
    IOptions<ApiOptions> options,
    [FromKeyedServices(ApiRateLimiting.Requests)] WindowLimiter requests,
    [FromKeyedServices(ApiRateLimiting.FailedAuthentications)] WindowLimiter failures) : IEndpointFilter
{
    private const string ItemKey = "herald.caller";

    public static Caller CallerOf(HttpContext context) => (Caller)context.Items[ItemKey]!;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = BearerKey.Of(http.Request);
        var address = (http.Connection.RemoteIpAddress ?? System.Net.IPAddress.None).ToString();
        var isAdmin = key is not null && BearerKey.IsAdmin(key, options.Value.AdminKey);
        if (!isAdmin && (key is null || !keys.IsRemembered(key)) && failures.Take(address, 0) is { } blocked)
        {
            return Problems.RetryLater(http, StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited, "Too many failed authentications",
                "This address has presented too many missing or invalid keys; try again after Retry-After.", blocked);
        }
        var caller = isAdmin ? Caller.Admin
            : key is not null && await keys.FindAccountAsync(key, http.RequestAborted) is { } accountId ? Caller.ForAccount(accountId)
            : null;
        if (caller is null)
        {
            failures.Take(address);
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Status(StatusCodes.Status401Unauthorized, "Unauthorized",
                key is null ? "Send Authorization: Bearer <key>." : "The key is not valid.");
        }
        if (requests.Take(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key!)))) is { } wait)
        {
            return Problems.RetryLater(http, StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited, "Too many requests",
                "This key has used its request allowance; try again after Retry-After.", wait);
        }
        http.Items[ItemKey] = caller;
        return await next(context);
    }
}
