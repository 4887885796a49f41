using Herald.Api.Json;
using Herald.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Api.Webhooks;

/// <summary>
/// The query of <c>GET /v1/webhooks/{id}/deliveries</c> and <c>/attempts</c>: <c>status</c> (one of the list's),
/// <c>event_type</c> (an exact type, <c>*</c> or a prefix pattern), <c>event_id</c>, <c>since</c>, <c>until</c>, <c>limit</c>, <c>cursor</c>.
/// </summary>
internal static class LogQueryParameters
{
    /// <summary>
    /// One page of a webhook's log: the parameters read (a 400 names a bad one), then the webhook found for the caller's
    /// account (404 otherwise), then <paramref name="list"/>'s rows shaped by <paramref name="map"/>.
    /// </summary>
    public static async Task<Results<Ok<Page<TResponse>>, ProblemHttpResult>> ListAsync<TRow, TResponse>(
        string id, HttpContext http, IGrainFactory grains, string? accountId, IReadOnlyList<string> statuses,
        Func<LogQuery, CancellationToken, Task<(IReadOnlyList<TRow> Page, string? NextCursor)>> list, Func<TRow, TResponse> map)
    {
        var (query, problem) = Read(http.Request, id, statuses);
        if (problem is not null)
        {
            return problem;
        }
        if (await WebhooksApi.FindAsync(id, http, grains, accountId) is null)
        {
            return Problems.NotFound("The webhook");
        }
        var (rows, next) = await list(query!, http.RequestAborted);
        return TypedResults.Ok(new Page<TResponse>(rows.Select(map).ToList(), next));
    }

    public static (LogQuery? Query, ProblemHttpResult? Problem) Read(HttpRequest request, string endpointId, IReadOnlyList<string> statuses)
    {
        var (window, problem) = ListWindow.Read(request);
        var (status, statusProblem) = FilterParameter.OneOf(request, "status", statuses);
        var (type, typeProblem) = FilterParameter.TypePattern(request, "event_type");
        var (eventId, eventProblem) = FilterParameter.Token(request, "event_id");
        if ((problem ?? statusProblem ?? typeProblem ?? eventProblem) is { } invalid)
        {
            return (null, invalid);
        }
        return (new LogQuery(endpointId, status, type, eventId, window!.Since, window.Until, window.Limit, window.Cursor), null);
    }
}
