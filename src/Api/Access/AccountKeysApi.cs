using Herald.Api.Accounts;
using Herald.Api.Auth;
using Herald.Api.Json;
using Herald.Api.Webhooks;
using Herald.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Herald.Api.Access;

/// <summary>
/// Scoped account keys: <c>POST/GET /v1/accounts/{id}/keys</c>, <c>DELETE …/keys/{key_id}</c>. Who may call them is
/// <see cref="AccessRules"/>' account administration: the admin, or an account key with every scope.
/// </summary>
public static class AccountKeysApi
{
    private const int MaxNameLength = 100;
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    public static RouteGroupBuilder MapAccountKeys(this RouteGroupBuilder accounts)
    {
        accounts.MapPost("/{id}/keys", CreateAsync).Accepts<CreateKeyRequest>("application/json");
        accounts.MapGet("/{id}/keys", ListAsync);
        accounts.MapDelete("/{id}/keys/{keyId}", DeleteAsync);
        return accounts;
    }

    /// <summary>A new key with the scopes asked, shown this once and stored as its hash.</summary>
    private static async Task<Results<Created<KeyResponse>, ProblemHttpResult>> CreateAsync(
        string id, HttpContext http, IGrainFactory grains, IOptions<ApiOptions> options, ApiKeyStore keys,
        [FromKeyedServices(AccessClock.Key)] TimeProvider time)
    {
        if (await AccountsApi.FindAsync(id, http, grains) is null)
        {
            return Problems.NotFound("The account");
        }
        var (request, problem) = await JsonBody.ReadAsync<CreateKeyRequest>(http.Request, options.Value);
        if (problem is not null)
        {
            return problem;
        }
        var (lifetime, badLifetime) = Lifetime.Read(request!.ExpiresIn, null, MaxLifetime, "366d");
        if (badLifetime is not null)
        {
            return badLifetime;
        }
        var errors = new FieldErrors();
        var name = request.Name?.Trim();
        if (name is not { Length: > 0 and <= MaxNameLength } || name.Any(char.IsControl))
        {
            errors.Add("name", $"Name the key in 1–{MaxNameLength} characters, such as \"CI publisher\".");
        }
        var scopes = ScopeNames.Parse(request.Scopes ?? []);
        if (request.Scopes is not { Count: > 0 } || scopes is null || request.Scopes.Distinct().Count() != request.Scopes.Count)
        {
            errors.Add("scopes", "List one or more of \"publish\", \"manage\", \"read\", each once.");
        }
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }
        var key = ApiKeyStore.NewKey();
        var now = time.GetUtcNow();
        var record = await keys.AddScopedAsync(key, id, name!, ScopeNames.Of(scopes!.Value), now, now + lifetime, http.RequestAborted);
        return TypedResults.Created($"/v1/accounts/{id}/keys/{record.Id}", From(record, key));
    }

    /// <summary>The account's keys, its own key included, newest first; never a key itself.</summary>
    private static async Task<Results<Ok<Page<KeyResponse>>, ProblemHttpResult>> ListAsync(
        string id, HttpContext http, IGrainFactory grains, ApiKeyStore keys)
    {
        var (query, problem) = PageQuery.Read(http.Request);
        if (problem is not null)
        {
            return problem;
        }
        if (await AccountsApi.FindAsync(id, http, grains) is null)
        {
            return Problems.NotFound("The account");
        }
        var (records, next) = await keys.ListAsync(id, query!.Limit, query.Cursor, http.RequestAborted);
        return TypedResults.Ok(new Page<KeyResponse>(records.Select(r => From(r, null)).ToList(), next));
    }

    /// <summary>Revokes the key: at once in this process, within <c>Herald:KeyCacheTtl</c> (5 s at most) in the others.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, string keyId, HttpContext http, IGrainFactory grains, ApiKeyStore keys, ApiKeyCache cache)
    {
        if (await AccountsApi.FindAsync(id, http, grains) is null)
        {
            return Problems.NotFound("The account");
        }
        if (!IsId(keyId, "key_") || !await keys.DeleteAsync(id, keyId, http.RequestAborted))
        {
            return Problems.NotFound("The key");
        }
        cache.Forget(id);
        return TypedResults.NoContent();
    }

    /// <summary>Only ids Herald could have made reach PostgreSQL.</summary>
    internal static bool IsId(string id, string prefix) =>
        id.StartsWith(prefix, StringComparison.Ordinal) && WebhookSpecValidator.IsToken(id, 64);

    private static KeyResponse From(ApiKeyRecord record, string? key) =>
        new(record.Id, record.Name, record.Scopes, key, record.CreatedAt, record.ExpiresAt);
}
