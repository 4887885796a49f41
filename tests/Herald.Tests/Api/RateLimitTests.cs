using System.Net;

namespace Herald.Tests.Api;

public sealed class RateLimitTests(RateLimitedApiFixture fixture) : IClassFixture<RateLimitedApiFixture>
{
    [Fact]
    public async Task A_key_over_its_limit_gets_429_with_retry_after_while_other_keys_go_on()
    {
        var (_, first) = await fixture.CreateAccountAsync();
        var (_, second) = await fixture.CreateAccountAsync();
        var client = fixture.Client(first);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await client.GetAsync("/v1/webhooks"));
        }

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var refused = answers[3];
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(second).GetAsync("/v1/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(null).GetAsync("/health/live")).StatusCode);
    }
}
