using Herald.Abstractions.Accounts;
using Herald.Abstractions.Webhooks;
using Herald.Api.Auth;
using Herald.Api.Catalog;
using Herald.Api.Json;
using Herald.Grains.Delivery;
using Herald.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Herald.Api.Webhooks;

public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/webhooks").WithTags("Webhooks");
        group.MapPost("/", CreateAsync).Accepts<CreateWebhookRequest>("application/json");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapDelete("/{id}", DeleteAsync);
        group.MapDelete("/", BulkDeleteAsync);
        return group.MapWebhookUpdate().MapWebhookControl().MapWebhookSecrets().MapDeliveries().MapAttempts().MapWebhookStats();
    }

    private static async Task<Results<Created<WebhookResponse>, ProblemHttpResult>> CreateAsync(
        HttpContext http, IGrainFactory grains, IOptions<ApiOptions> api, IOptions<DeliveryOptions> delivery, EventCatalog catalog)
    {
        var (request, problem) = await JsonBody.ReadAsync<CreateWebhookRequest>(http.Request, api.Value);
        if (problem is not null)
        {
            return problem;
        }
        if (ApiKeyFilter.CallerOf(http).ResolveAccount(request!.AccountId) is not { } accountId)
        {
            return AccountProblem(http);
        }
        var account = grains.GetGrain<IAccountGrain>(accountId);
        if (await account.GetAsync() is not { } owner)
        {
            return Problems.NotFound("The account");
        }
        var (spec, invalid) = await WebhookRegistration.CheckAsync(request, WebhookDefaults.Of(owner.Settings), [], delivery.Value, catalog,
            http.RequestAborted);
        if (invalid is not null)
        {
            return invalid;
        }
        var (created, refused) = await WebhookRegistration.SaveAsync(() => account.CreateWebhookAsync(spec!));
        if (refused is not null)
        {
            return refused;
        }
        if (created is null)
        {
            return Problems.NotFound("The account");
        }
        return TypedResults.Created($"/v1/webhooks/{created.Webhook.Id}", WebhookResponse.From(created.Webhook, created.Secret));
    }

    private static async Task<Results<Ok<Page<WebhookResponse>>, ProblemHttpResult>> ListAsync(
        HttpContext http, IGrainFactory grains, [FromQuery(Name = "account_id")] string? accountId)
    {
        var (query, problem) = PageQuery.Read(http.Request);
        if (problem is not null)
        {
            return problem;
        }
        if (ApiKeyFilter.CallerOf(http).ResolveAccount(accountId) is not { } account)
        {
            return AccountProblem(http);
        }
        var ids = await grains.GetGrain<IAccountGrain>(account).ListWebhooksAsync();
        // ids are time-sortable and listed newest first, so the cursor is the last id of the previous page.
        var page = ids.Where(id => query!.Cursor is null || string.CompareOrdinal(id, query.Cursor) < 0).Take(query!.Limit + 1).ToList();
        var more = page.Count > query.Limit;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }
        var views = await Task.WhenAll(page.Select(id => grains.GetGrain<IEndpointGrain>(id).GetAsync()));
        var data = views.OfType<WebhookView>().Select(v => WebhookResponse.From(v)).ToList();
        return TypedResults.Ok(new Page<WebhookResponse>(data, more ? page[^1] : null));
    }

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, IGrainFactory grains, [FromQuery(Name = "account_id")] string? accountId)
    {
        var view = await FindAsync(id, http, grains, accountId);
        return view is null ? Problems.NotFound("The webhook") : TypedResults.Ok(WebhookResponse.From(view));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, HttpContext http, IGrainFactory grains, [FromQuery(Name = "account_id")] string? accountId)
    {
        if (await FindAsync(id, http, grains, accountId) is not { } view
            || !await grains.GetGrain<IAccountGrain>(view.AccountId).DeleteWebhookAsync(id))
        {
            return Problems.NotFound("The webhook");
        }
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<BulkDeleteResponse>, ProblemHttpResult>> BulkDeleteAsync(
        HttpContext http, IGrainFactory grains, string? ids, [FromQuery(Name = "account_id")] string? accountId)
    {
        var requested = (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (requested.Count is 0 or > PageQuery.MaxLimit)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["ids"] = [$"Name 1–{PageQuery.MaxLimit} webhook ids, comma-separated."] });
        }
        var deleted = new List<string>();
        var notFound = new List<string>();
        foreach (var id in requested)
        {
            var removed = await FindAsync(id, http, grains, accountId) is { } view
                && await grains.GetGrain<IAccountGrain>(view.AccountId).DeleteWebhookAsync(id);
            (removed ? deleted : notFound).Add(id);
        }
        return TypedResults.Ok(new BulkDeleteResponse(deleted, notFound));
    }

    /// <summary>The webhook if it exists and belongs to the account the caller acts for; otherwise null (→ 404).</summary>
    internal static async Task<WebhookView?> FindAsync(string id, HttpContext http, IGrainFactory grains, string? accountId)
    {
        var caller = ApiKeyFilter.CallerOf(http);
        // Only ids Herald could have made reach a grain (and from there, PostgreSQL).
        if (!id.StartsWith("wh_", StringComparison.Ordinal) || !WebhookSpecValidator.IsToken(id, 64))
        {
            return null;
        }
        var view = await grains.GetGrain<IEndpointGrain>(id).GetAsync();
        var owner = caller.IsAdmin && accountId is null ? view?.AccountId : caller.ResolveAccount(accountId);
        return view is not null && view.AccountId == owner ? view : null;
    }

    internal static ProblemHttpResult AccountProblem(HttpContext http) => ApiKeyFilter.CallerOf(http).IsAdmin
        ? Problems.Invalid(new Dictionary<string, string[]> { ["account_id"] = ["The admin key must name the account it acts for."] })
        : Problems.NotFound("The account");
}
