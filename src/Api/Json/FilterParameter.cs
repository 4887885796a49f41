using Herald.Api.Webhooks;
using Herald.Grains.Routing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Api.Json;

/// <summary>The filters of the debugging lists, each read at most once and refused with a 400 naming it when its value is not one the list knows.</summary>
public static class FilterParameter
{
    /// <summary>An event type pattern: an exact type, <c>*</c>, or a prefix pattern such as <c>invoice.*</c>.</summary>
    public static (string? Value, ProblemHttpResult? Problem) TypePattern(HttpRequest request, string name) =>
        Read(request, name, EventTypePattern.IsValid, "Give an event type (invoice.paid), * or a prefix pattern (invoice.*).");

    /// <summary>An id or a source: 1–128 characters from A–Z, a–z, 0–9 and <c>_ . : -</c>.</summary>
    public static (string? Value, ProblemHttpResult? Problem) Token(HttpRequest request, string name) =>
        Read(request, name, v => WebhookSpecValidator.IsToken(v, 128), "Use 1–128 characters from A–Z, a–z, 0–9 and _ . : -");

    /// <summary>One of <paramref name="values"/>.</summary>
    public static (string? Value, ProblemHttpResult? Problem) OneOf(HttpRequest request, string name, IReadOnlyList<string> values) =>
        Read(request, name, values.Contains, $"Use one of {string.Join(", ", values)}.");

    private static (string? Value, ProblemHttpResult? Problem) Read(HttpRequest request, string name, Func<string, bool> valid, string rule)
    {
        var (value, problem) = QueryParameter.Single(request, name);
        if (problem is not null || value is null)
        {
            return (null, problem);
        }
        return valid(value) ? (value, null) : (null, Problems.InvalidParameter(name, rule));
    }
}
