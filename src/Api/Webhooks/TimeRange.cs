using Herald.Api.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Api.Webhooks;

/// <summary>The check of a body's <c>since</c> and <c>until</c> (since inclusive, until exclusive): an empty range is a 400 naming <c>until</c>.</summary>
public static class TimeRange
{
    public static ProblemHttpResult? Check(DateTimeOffset? since, DateTimeOffset? until) =>
        since is { } from && until is { } to && to <= from
            ? Problems.InvalidParameter("until", "Give an \"until\" later than \"since\" (since is inclusive, until exclusive).")
            : null;
}
