using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Api.Json;

/// <summary>Reads a query parameter that may be sent at most once: a repeated one is a 400 naming it, not a guess.</summary>
public static class QueryParameter
{
    /// <summary>The parameter's value; null when it is absent.</summary>
    public static (string? Value, ProblemHttpResult? Problem) Single(HttpRequest request, string name) =>
        !request.Query.TryGetValue(name, out var values) ? (null, null)
        : values.Count == 1 ? (values[0], null)
        : (null, Problems.InvalidParameter(name, $"Send {name} once."));
}
