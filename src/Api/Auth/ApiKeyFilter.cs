using System.Security.Cryptography;
using System.Text;
using Herald.Api.Hosting;
using Herald.Api.Json;
using Herald.Grains.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Herald.Api.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> on every /v1 route (401 without a valid key or portal token,
/// <c>token_expired</c> for an expired one), holds the credential to its request allowance (429), then to what the
/// route asks by <see cref="AccessRules"/> (403 <c>insufficient_scope</c>). A client address that has failed too often
/// gets 429 for any token this process does not already know to be valid, before a database query is spent on it.
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
        var lookup = isAdmin ? CredentialLookup.Found(Caller.Admin)
            : key is not null ? await keys.FindAsync(key, http.RequestAborted)
            : CredentialLookup.Unknown;
        if (lookup.Caller is not { } caller)
        {
            failures.Take(address);
            return lookup.Expired ? AccessProblems.Expired(http) : AccessProblems.Unauthorized(http, key is not null);
        }
        if (requests.Take(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key!)))) is { } wait)
        {
            return Problems.RetryLater(http, StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited, "Too many requests",
                "This key has used its request allowance; try again after Retry-After.", wait);
        }
        if (Refusal(http, caller, AccessRules.For(http)) is { } refused)
        {
            return refused;
        }
        http.Items[ItemKey] = caller;
        return await next(context);
    }

    /// <summary>Why the caller may not use the route, or null when it may.</summary>
    private static ProblemHttpResult? Refusal(HttpContext http, Caller caller, Access access) => access switch
    {
        Access.Authenticated => null,
        _ when caller.IsAdmin => null,
        Access.Admin => AccessProblems.AdminOnly(),
        Access.AccountAdministration when caller.Kind != CallerKind.AccountKey || caller.Scopes != KeyScopes.All =>
            AccessProblems.InsufficientScope(http, KeyScopes.All,
                "Changing the account, its keys or its portal sessions needs an account key with every scope (publish, manage, read)."),
        Access.AccountAdministration => null,
        _ => Needed(access) is var scope && !caller.Scopes.HasFlag(scope)
            ? AccessProblems.InsufficientScope(http, scope, $"This route needs the \"{ScopeNames.Joined(scope)}\" scope.")
            : null,
    };

    private static KeyScopes Needed(Access access) => access switch
    {
        Access.Read => KeyScopes.Read,
        Access.Publish => KeyScopes.Publish,
        _ => KeyScopes.Manage,
    };
}
