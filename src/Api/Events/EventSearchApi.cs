using Herald.Api.Auth;
using Herald.Api.Json;
using Herald.Api.Webhooks;
using Herald.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Api.Events;

/// <summary>Debugging: an account's events searched by type, source and time, and one event with its body and deliveries.</summary>
public static class EventSearchApi
{
    public static RouteGroupBuilder MapEventSearch(this RouteGroupBuilder events)
    {
        events.MapGet("/", ListAsync);
        events.MapGet("/{id}", GetAsync);
        return events;
    }

    private static async Task<Results<Ok<Page<EventSummaryResponse>>, ProblemHttpResult>> ListAsync(
        HttpContext http, EventSearch search, [FromQuery(Name = "account_id")] string? accountId)
    {
        var (window, problem) = ListWindow.Read(http.Request);
        var (type, typeProblem) = FilterParameter.TypePattern(http.Request, "type");
        var (source, sourceProblem) = FilterParameter.Token(http.Request, "source");
        if ((problem ?? typeProblem ?? sourceProblem) is { } invalid)
        {
            return invalid;
        }
        var caller = ApiKeyFilter.CallerOf(http);
        if (caller.ResolveAccount(accountId) is not { } account)
        {
            return WebhooksApi.AccountProblem(http);
        }
        // A portal session limited to sources sees only their events, as it sees only their webhooks: with one source
        // the query asks for it; with several, the page keeps the ones it sees (the cursor still walks every event).
        if (caller.Sources is [var only] && source is null)
        {
            source = only;
        }
        var (rows, next) = await search.ListAsync(
            new EventQuery(account, type, source, window!.Since, window.Until, window.Limit, window.Cursor), http.RequestAborted);
        return TypedResults.Ok(new Page<EventSummaryResponse>(rows.Where(e => caller.Sees(e.Source)).Select(EventSummaryResponse.From).ToList(), next));
    }

    private static async Task<Results<Ok<EventResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, EventLookup events, [FromQuery(Name = "account_id")] string? accountId)
    {
        var caller = ApiKeyFilter.CallerOf(http);
        if (caller.ResolveAccount(accountId) is not { } account)
        {
            return WebhooksApi.AccountProblem(http);
        }
        if (await events.FindAsync(account, id, http.RequestAborted) is not { } stored || !caller.Sees(stored.Source))
        {
            return Problems.NotFound("The event");
        }
        return TypedResults.Ok(EventResponse.From(stored));
    }
}
