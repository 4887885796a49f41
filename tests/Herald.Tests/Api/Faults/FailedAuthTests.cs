using System.Net;
using Herald.Grains.Storage;

namespace Herald.Tests.Api.Faults;

public sealed class FailedAuthTests(FailedAuthApiFixture fixture) : IClassFixture<FailedAuthApiFixture>
{
    [Fact]
    public async Task An_address_that_keeps_presenting_unknown_keys_gets_429_with_retry_after_while_known_keys_go_on()
    {
        var (_, key) = await fixture.CreateAccountAsync();
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(key).GetAsync("/v1/webhooks")).StatusCode);

        for (var i = 0; i < 3; i++)
        {
            await ProblemAssert.IsAsync(await fixture.Client(ApiKeyStore.NewKey()).GetAsync("/v1/webhooks"), HttpStatusCode.Unauthorized,
                "unauthorized", $"unknown key {i + 1}");
        }

        await ProblemAssert.IsRetryLaterAsync(await fixture.Client(ApiKeyStore.NewKey()).GetAsync("/v1/webhooks"),
            HttpStatusCode.TooManyRequests, "rate_limited", "a fourth unknown key");
        await ProblemAssert.IsRetryLaterAsync(await fixture.Client(null).GetAsync("/v1/webhooks"), HttpStatusCode.TooManyRequests,
            "rate_limited", "no key");
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(key).GetAsync("/v1/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(ApiFixture.AdminKey).GetAsync("/v1/event-types")).StatusCode);
    }
}
