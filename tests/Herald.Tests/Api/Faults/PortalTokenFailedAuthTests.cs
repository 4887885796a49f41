using System.Net;
using Herald.Grains.Storage;
using Herald.Tests.Api.Access;

namespace Herald.Tests.Api.Faults;

/// <summary>Portal tokens (<c>hpt_…</c>) are held to the failed-authentication limit as account keys are.</summary>
public sealed class PortalTokenFailedAuthTests(FailedAuthApiFixture fixture) : IClassFixture<FailedAuthApiFixture>
{
    [Fact]
    public async Task Unknown_and_expired_portal_tokens_count_as_failed_authentications_while_a_known_token_goes_on()
    {
        var (account, _) = await fixture.CreateAccountAsync();
        var (_, token) = await AccessCalls.CreatePortalAsync(fixture, account);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(token).GetAsync("/v1/webhooks")).StatusCode);
        var expired = PortalSessionStore.NewToken();
        await fixture.Database.ExecuteAsync("""
            insert into herald_portal_sessions (session_id, token_hash, account_id, created_at, expires_at, read_only)
            values ('ps_expired', @hash, @account, now() - interval '2 hours', now() - interval '1 hour', false)
            """, ("hash", ApiKeyStore.Hash(expired)), ("account", account));

        await ProblemAssert.IsAsync(await fixture.Client(PortalSessionStore.NewToken()).GetAsync("/v1/webhooks"), HttpStatusCode.Unauthorized, "unauthorized", "unknown 1");
        await ProblemAssert.IsAsync(await fixture.Client(expired).GetAsync("/v1/webhooks"), HttpStatusCode.Unauthorized, "token_expired", "expired");
        await ProblemAssert.IsAsync(await fixture.Client(PortalSessionStore.NewToken()).GetAsync("/v1/webhooks"), HttpStatusCode.Unauthorized, "unauthorized", "unknown 2");

        await ProblemAssert.IsRetryLaterAsync(await fixture.Client(PortalSessionStore.NewToken()).GetAsync("/v1/webhooks"),
            HttpStatusCode.TooManyRequests, "rate_limited", "a fourth bad token");
        await ProblemAssert.IsRetryLaterAsync(await fixture.Client(expired).GetAsync("/v1/webhooks"), HttpStatusCode.TooManyRequests, "rate_limited", "expired again");
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(token).GetAsync("/v1/webhooks")).StatusCode);
    }
}
