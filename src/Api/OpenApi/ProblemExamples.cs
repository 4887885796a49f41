using System.Text.Json.Nodes;

namespace Herald.Api.OpenApi;

/// <summary>A typical problem for each error status the document lists (docs/errors.md has them all).</summary>
public static class ProblemExamples
{
    private static readonly Dictionary<int, (string Code, string Title, string Detail, string When)> ByStatus = new()
    {
        [400] = ("invalid_parameter", "A request parameter is not valid", "limit: Use a whole number from 1 to 250.",
            "The body is not JSON of this route's shape (`invalid_json`) or a parameter is not valid (`invalid_parameter`); `errors` names each."),
        [401] = ("unauthorized", "Unauthorized", "Send 'Authorization: Bearer <key>' with a valid key.",
            "No key, an unknown key or an expired one (`unauthorized`, `token_expired`)."),
        [403] = ("forbidden", "Forbidden", "Only the admin key may do this.",
            "The key may not do this: an admin route or setting (`forbidden`), or a scope it lacks (`insufficient_scope`)."),
        [404] = ("not_found", "Not found", "Webhook wh_2mJ8k does not exist.",
            "The resource does not exist or belongs to another account (`not_found`)."),
        [409] = ("conflict", "Conflict", "The delivery is already queued.",
            "The state changed or the request repeats another (`conflict`, `idempotency_mismatch`, `idempotency_in_progress`)."),
        [413] = ("payload_too_large", "The request body is too large", "The request body exceeds 294912 bytes.",
            "The body is larger than Herald accepts (`payload_too_large`)."),
        [422] = ("validation_failed", "The request has invalid fields", "url: Use an absolute https:// URL.",
            "Well-formed values that are not acceptable (`validation_failed`, `limit_reached`); `errors` names each field."),
        [429] = ("rate_limited", "Too many requests", "This key has used its request allowance; send again after Retry-After.",
            "The key used its allowance (`rate_limited`); wait `Retry-After` seconds."),
        [500] = ("internal_error", "Internal error", "Trace id 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01.",
            "A bug in Herald (`internal_error`); a publish is safe to send again with the same `id`."),
        [503] = ("database_unavailable", "Service unavailable", "Herald's database cannot be reached; nothing of this request was accepted.",
            "Nothing was accepted (`database_unavailable`, `overloaded`, `service_unavailable`); send again after `Retry-After`."),
    };

    public static string When(int status) => ByStatus[status].When;

    public static JsonObject For(int status)
    {
        var (code, title, detail, _) = ByStatus[status];
        var problem = new JsonObject
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["code"] = code,
        };
        if (status is 400 or 422)
        {
            var field = status == 400 ? "limit" : "url";
            problem["errors"] = new JsonObject { [field] = new JsonArray(detail[(detail.IndexOf(": ", StringComparison.Ordinal) + 2)..]) };
        }
        return problem;
    }
}
