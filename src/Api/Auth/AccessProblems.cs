using Herald.Api.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Api.Auth;

/// <summary>The refusals of access control, each with its RFC 6750 <c>WWW-Authenticate</c> challenge.</summary>
public static class AccessProblems
{
    public static ProblemHttpResult Unauthorized(HttpContext http, bool sentKey)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Status(StatusCodes.Status401Unauthorized, "Unauthorized",
            sentKey ? "The key is not valid." : "Send Authorization: Bearer <key>.");
    }

    public static ProblemHttpResult Expired(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\", error_description=\"The token has expired\"";
        return Problems.Status(StatusCodes.Status401Unauthorized, "The token has expired",
            "This key or portal token is past its expiry; ask for a new one.", ProblemCodes.TokenExpired);
    }

    /// <summary>403 naming, in <c>scope</c>, the scopes the route asks (space-separated).</summary>
    public static ProblemHttpResult InsufficientScope(HttpContext http, KeyScopes needed, string detail)
    {
        var scope = ScopeNames.Joined(needed);
        http.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{scope}\"";
        var problem = Problems.Status(StatusCodes.Status403Forbidden, "Insufficient scope", detail, ProblemCodes.InsufficientScope);
        problem.ProblemDetails.Extensions["scope"] = scope;
        return problem;
    }

    public static ProblemHttpResult AdminOnly() =>
        Problems.Status(StatusCodes.Status403Forbidden, "Forbidden", "Only the admin key may use this route.");
}
