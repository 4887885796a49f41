using Herald.Abstractions.Ids;
using Herald.Api.Accounts;
using Herald.Api.Auth;
using Herald.Api.Json;
using Herald.Api.Webhooks;
using Herald.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Herald.Api.Access;

/// <summary>
/// Portal sessions: <c>POST /v1/accounts/{id}/portal-sessions</c> hands out a short-lived <c>hpt_…</c> token for the
/// customer portal; <c>GET</c> lists the sessions that have not expired; <c>DELETE …/{ps_id}</c> revokes one. Who may call them is <see cref="AccessRules"/>' account
/// administration: the admin, or an account key with every scope.
/// </summary>
public static class PortalSessionsApi
{
    private const int MaxSources = 50;
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(24);

    public static RouteGroupBuilder MapPortalSessions(this RouteGroupBuilder accounts)
    {
        accounts.MapPost("/{id}/portal-sessions", CreateAsync).Accepts<PortalSessionRequest>("application/json");
        accounts.MapGet("/{id}/portal-sessions", ListAsync);
        accounts.MapDelete("/{id}/portal-sessions/{sessionId}", DeleteAsync);
        return accounts;
    }

    private static async Task<Results<Created<PortalSessionResponse>, ProblemHttpResult>> CreateAsync(
        string id, HttpContext http, IGrainFactory grains, IOptions<ApiOptions> options, PortalSessionStore sessions,
        [FromKeyedServices(AccessClock.Key)] TimeProvider time)
    {
        if (await AccountsApi.FindAsync(id, http, grains) is null)
        {
            return Problems.NotFound("The account");
        }
        var (request, problem) = await JsonBody.ReadOptionalAsync(http.Request, options.Value, new PortalSessionRequest(null, null, null));
        if (problem is not null)
        {
            return problem;
        }
        var (lifetime, badLifetime) = Lifetime.Read(request!.ExpiresIn, DefaultLifetime, MaxLifetime, "24h");
        if (badLifetime is not null)
        {
            return badLifetime;
        }
        var errors = new FieldErrors();
        if (request.Sources is { } sources
            && (sources.Count is 0 or > MaxSources || sources.Any(s => s is null || !WebhookSpecValidator.IsToken(s, 128)) || sources.Distinct().Count() != sources.Count))
        {
            errors.Add("sources", $"List 1–{MaxSources} distinct sources (1–128 characters from A–Z, a–z, 0–9 and _ . : -), or null for all.");
        }
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }
        var token = PortalSessionStore.NewToken();
        var now = time.GetUtcNow();
        var session = new PortalSession(HeraldId.New("ps"), id, now, now + lifetime!.Value, request.ReadOnly ?? false, request.Sources);
        await sessions.AddAsync(token, session, http.RequestAborted);
        return TypedResults.Created($"/v1/accounts/{id}/portal-sessions/{session.Id}",
            new PortalSessionResponse(session.Id, token, "/portal#token=" + token, session.ExpiresAt, session.ReadOnly, session.Sources));
    }

    /// <summary>The account's sessions that have not expired, newest first: what an operator reviews before revoking one.</summary>
    private static async Task<Results<Ok<Page<PortalSessionInfo>>, ProblemHttpResult>> ListAsync(
        string id, HttpContext http, IGrainFactory grains, PortalSessionStore sessions, [FromKeyedServices(AccessClock.Key)] TimeProvider time)
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
        var (page, next) = await sessions.ListAsync(id, time.GetUtcNow(), query!.Limit, query.Cursor, http.RequestAborted);
        return TypedResults.Ok(new Page<PortalSessionInfo>(
            page.Select(s => new PortalSessionInfo(s.Id, s.CreatedAt, s.ExpiresAt, s.ReadOnly, s.Sources)).ToList(), next));
    }

    /// <summary>Revokes the session: at once in this process, within <c>Herald:KeyCacheTtl</c> (5 s at most) in the others.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, string sessionId, HttpContext http, IGrainFactory grains, PortalSessionStore sessions, ApiKeyCache cache)
    {
        if (await AccountsApi.FindAsync(id, http, grains) is null)
        {
            return Problems.NotFound("The account");
        }
        if (!AccountKeysApi.IsId(sessionId, "ps_") || !await sessions.DeleteAsync(id, sessionId, http.RequestAborted))
        {
            return Problems.NotFound("The portal session");
        }
        cache.Forget(id);
        return TypedResults.NoContent();
    }
}
