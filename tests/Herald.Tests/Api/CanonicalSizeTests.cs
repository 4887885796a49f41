using System.Net;
using System.Net.Http.Json;
using System.Text;
using Herald.Api;
using Herald.Tests.Api.Faults;

namespace Herald.Tests.Api;

/// <summary>The payload limit holds for the bytes that will be sent, after the account's canonicalisation.</summary>
public sealed class CanonicalSizeTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_payload_within_the_limit_that_canonicalisation_lengthens_past_it_answers_413_and_stores_nothing()
    {
        var (accountId, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync($"/v1/accounts/{accountId}", new { canonical_json = true })).StatusCode);
        var limit = new ApiOptions().MaxPayloadBytes;
        // "1e20" is written "100000000000000000000" by JSON.stringify: 5 bytes a number become 22.
        var numbers = (limit - 100) / 5;
        var payload = "{\"n\":[" + string.Join(",", Enumerable.Repeat("1e20", numbers)) + "]}";
        Assert.True(payload.Length < limit);

        var answer = await client.PostAsync("/v1/events",
            new StringContent($$"""{"type":"size.check","payload":{{payload}}}""", Encoding.UTF8, "application/json"));

        await ProblemAssert.IsAsync(answer, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("select count(*) from herald_events where account_id = @a", ("a", accountId)));
    }
}
