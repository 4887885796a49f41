using Herald.Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Api.Access;

/// <summary><c>GET /v1/me</c>: what the presented credential is and may do (the portal asks it first).</summary>
public static class MeApi
{
    public static RouteGroupBuilder MapMe(this RouteGroupBuilder v1)
    {
        v1.MapGet("/me", Get).WithTags("Access");
        return v1;
    }

    private static Ok<MeResponse> Get(HttpContext http)
    {
        var caller = ApiKeyFilter.CallerOf(http);
        var kind = caller.Kind switch
        {
            CallerKind.Admin => "admin",
            CallerKind.Portal => "portal",
            _ => "account_key",
        };
        return TypedResults.Ok(new MeResponse(kind, caller.AccountId, ScopeNames.Of(caller.Scopes), caller.ReadOnly, caller.Sources, caller.ExpiresAt));
    }
}
