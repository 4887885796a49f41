using System.Security.Cryptography;
using System.Text;
using Herald.Api.Json;
using Microsoft.Extensions.Options;

namespace Herald.Api.Auth;

/// <summary>Authenticates <c>Authorization: Bearer &lt;key&gt;</c> on every /v1 route: 401 without a valid key.</summary>
public sealed class ApiKeyFilter(ApiKeyCache keys, IOptions<ApiOptions> options) : IEndpointFilter
{
    private const string ItemKey = "herald.caller";

    public static Caller CallerOf(HttpContext context) => (Caller)context.Items[ItemKey]!;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            return Unauthorized(http, "Send Authorization: Bearer <key>.");
        }
        var key = header[7..].Trim();
        var caller = IsAdminKey(key) ? Caller.Admin
            : await keys.FindAccountAsync(key, http.RequestAborted) is { } accountId ? Caller.ForAccount(accountId)
            : null;
        if (caller is null)
        {
            return Unauthorized(http, "The key is not valid.");
        }
        http.Items[ItemKey] = caller;
        return await next(context);
    }

    private bool IsAdminKey(string key)
    {
        var admin = options.Value.AdminKey;
        return admin.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(admin));
    }

    private static IResult Unauthorized(HttpContext http, string detail)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Status(StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }
}
