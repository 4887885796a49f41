using System.Text.RegularExpressions;

namespace Herald.Api.Auth;

/// <summary>
/// The one table that says what every /v1 route asks of its caller, read by <see cref="ApiKeyFilter"/> before any route
/// runs, so a route added later is covered without doing anything: reads ask <c>read</c>, a publish asks
/// <c>publish</c>, any other write asks <c>manage</c>; the account's own administration asks an all-scope account key
/// (or the admin), and the deployment's routes ask the admin key. The first row that matches the route's template wins.
/// </summary>
public static partial class AccessRules
{
    private static readonly string[] Reads = ["GET", "HEAD"];

    public static IReadOnlyList<AccessRule> Rules { get; } =
    [
        new("/v1/me", false, null, Access.Authenticated),
        new("/v1/accounts", false, null, Access.Admin),
        new("/v1/accounts/{}", false, ["DELETE"], Access.Admin),
        new("/v1/accounts/{}", false, ["PATCH", "PUT"], Access.AccountAdministration),
        new("/v1/accounts/{}/rotate-key", false, null, Access.AccountAdministration),
        new("/v1/accounts/{}/keys", true, null, Access.AccountAdministration),
        new("/v1/accounts/{}/portal-sessions", true, null, Access.AccountAdministration),
        new("/v1/event-types", true, ["PUT", "POST", "PATCH", "DELETE"], Access.Admin),
        new("/v1/events", false, ["POST"], Access.Publish),
        new("/v1", true, Reads, Access.Read),
        new("/v1", true, null, Access.Manage),
    ];

    /// <summary>What the request's route asks: by its template (so no id in a path can steer it), else by its path.</summary>
    public static Access For(HttpContext http)
    {
        var template = http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } raw } ? Normalize(raw) : Normalize(http.Request.Path.Value ?? "");
        return Rules.FirstOrDefault(r => r.Matches(http.Request.Method, template))?.Access ?? Access.Manage;
    }

    /// <summary><c>/v1/accounts/{id:int}/keys/</c> → <c>/v1/accounts/{}/keys</c>.</summary>
    public static string Normalize(string template)
    {
        var normalized = Parameter().Replace(template, "{}").TrimEnd('/');
        return normalized.StartsWith('/') ? normalized : "/" + normalized;
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
