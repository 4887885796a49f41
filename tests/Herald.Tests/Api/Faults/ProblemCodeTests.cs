using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Herald.Tests.Api.Faults;

/// <summary>Every problem answer carries its stable code, whichever part of Herald wrote it.</summary>
public sealed class ProblemCodeTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Problems_from_routes_the_framework_and_authentication_all_carry_a_code()
    {
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        var json = (string body) => new StringContent(body, Encoding.UTF8, "application/json");

        await ProblemAssert.IsAsync(await fixture.Client(null).GetAsync("/v1/webhooks"), HttpStatusCode.Unauthorized, "unauthorized");
        await ProblemAssert.IsAsync(await client.PostAsJsonAsync("/v1/accounts", new { name = "x" }), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsAsync(await client.GetAsync("/v1/webhooks/wh_nothing"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsAsync(await client.GetAsync("/v1/no-such-route"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsAsync(await client.PutAsync("/v1/webhooks", json("{}")), HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        await ProblemAssert.IsAsync(await client.PostAsync("/v1/webhooks", json("{\"url\":")), HttpStatusCode.BadRequest, "invalid_json");
        var wrongType = await ProblemAssert.IsAsync(await client.PostAsync("/v1/webhooks", json("{\"url\":1}")), HttpStatusCode.BadRequest, "invalid_json");
        Assert.True(wrongType.GetProperty("errors").TryGetProperty("url", out _), wrongType.ToString());
        var invalid = await ProblemAssert.IsAsync(await client.PostAsync("/v1/webhooks", json("""{"url":"ftp://x","events":["*"]}""")),
            HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.True(invalid.GetProperty("errors").TryGetProperty("url", out _));
    }
}
