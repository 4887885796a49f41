using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Herald.Tests.Api.Faults;

/// <summary>Input that used to reach a 500: each is now a 400 naming what is wrong (or a 404 for an id no one has).</summary>
public sealed class HostileInputTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    public static TheoryData<string, string> BadPageParameters => new()
    {
        { "limit=abc", "limit" },
        { "limit=1.5", "limit" },
        { "limit=-1", "limit" },
        { "limit=0", "limit" },
        { "limit=251", "limit" },
        { "limit=99999999999999999999", "limit" },
        { "limit=", "limit" },
        { "limit=2&limit=3", "limit" },
        { "cursor=%00", "cursor" },
        { "cursor=wh_a%00b", "cursor" },
        { "cursor=%C3%A9", "cursor" },
        { "cursor=a&cursor=b", "cursor" },
        { "cursor=" + new string('z', 300), "cursor" },
    };

    [Theory]
    [MemberData(nameof(BadPageParameters))]
    public async Task Every_list_answers_400_naming_a_bad_limit_or_cursor(string query, string parameter)
    {
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        var webhook = await TenantState.CreateWebhookAsync(client, "http://127.0.0.1:9/hostile");

        foreach (var list in new[] { "/v1/webhooks", $"/v1/webhooks/{webhook}/deliveries", $"/v1/webhooks/{webhook}/attempts", "/v1/events", "/v1/event-types" })
        {
            var problem = await ProblemAssert.IsAsync(await client.GetAsync($"{list}?{query}"), HttpStatusCode.BadRequest, "invalid_parameter", $"{list}?{query}");
            Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"{list}?{query} names {parameter}");
        }
    }

    [Fact]
    public async Task A_limit_at_the_maximum_is_served()
    {
        var (_, key) = await fixture.CreateAccountAsync();
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(key).GetAsync("/v1/webhooks?limit=250")).StatusCode);
    }

    [Fact]
    public async Task A_repeated_or_unreadable_category_is_400()
    {
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        await ProblemAssert.IsAsync(await client.GetAsync("/v1/event-types?category=a&category=b"), HttpStatusCode.BadRequest, "invalid_parameter");
        await ProblemAssert.IsAsync(await client.GetAsync("/v1/event-types?category=a%00b"), HttpStatusCode.BadRequest, "invalid_parameter");
    }

    [Fact]
    public async Task A_webhook_id_with_a_NUL_byte_in_a_bulk_delete_is_not_found_rather_than_sent_to_PostgreSQL()
    {
        var (_, key) = await fixture.CreateAccountAsync();

        var answer = await fixture.Client(key).DeleteAsync("/v1/webhooks?ids=wh_a%00b");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var result = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["wh_a\0b"], result.GetProperty("not_found").EnumerateArray().Select(e => e.GetString()));
    }

    public static TheoryData<string> PatchRoutes => new() { "webhook", "account" };

    [Theory]
    [MemberData(nameof(PatchRoutes))]
    public async Task Invalid_UTF8_in_a_property_name_of_a_PATCH_is_400_and_changes_nothing(string route)
    {
        var (accountId, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        var webhook = await TenantState.CreateWebhookAsync(client, "http://127.0.0.1:9/hostile");
        var path = route == "webhook" ? $"/v1/webhooks/{webhook}" : $"/v1/accounts/{accountId}";
        var before = await client.GetStringAsync(path);
        var body = new ByteArrayContent([.. "{\""u8, 0xC3, 0x28, .. "\":1}"u8]);
        body.Headers.ContentType = new("application/json");

        var answer = await client.PatchAsync(path, body);

        await ProblemAssert.IsAsync(answer, HttpStatusCode.BadRequest, "invalid_json", path);
        Assert.Equal(before, await client.GetStringAsync(path));
    }
}
