using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Api.Json;
using Herald.Tests.Api.Faults;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Api.Conventions;

/// <summary>Every list answers <c>{data, next_cursor, has_more}</c>, and refuses a limit over 250.</summary>
public sealed class ListConventionTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_webhooks_list_says_whether_more_follow()
    {
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        for (var i = 0; i < 3; i++)
        {
            (await client.PostAsJsonAsync("/v1/webhooks", new { url = $"http://127.0.0.1:9/{i}", events = new[] { "*" } })).EnsureSuccessStatusCode();
        }

        await AssertPagesAsync(client, "/v1/webhooks?limit=2", 3);
    }

    [Fact]
    public async Task The_deliveries_list_says_whether_more_follow()
    {
        await using var receiver = await Receiver.StartAsync();
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        var webhook = (await (await client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url(), events = new[] { "*" } }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        for (var i = 0; i < 3; i++)
        {
            (await client.PostAsJsonAsync("/v1/events", new { type = "a.b", data = new { i } })).EnsureSuccessStatusCode();
        }
        await Eventually.ReturnsAsync(async () => await client.GetFromJsonAsync<JsonElement>($"/v1/webhooks/{webhook}/deliveries"),
            page => page.GetProperty("data").GetArrayLength() == 3, what: "three attempts");

        await AssertPagesAsync(client, $"/v1/webhooks/{webhook}/deliveries?limit=2", 3);
    }

    [Fact]
    public async Task The_event_types_list_says_whether_more_follow()
    {
        var admin = fixture.Client(ApiFixture.AdminKey);
        for (var i = 0; i < 3; i++)
        {
            (await admin.PutAsJsonAsync($"/v1/event-types/paging.type{i}", new { description = "x", category = "paging" })).EnsureSuccessStatusCode();
        }

        await AssertPagesAsync(admin, "/v1/event-types?category=paging&limit=2", 3);
    }

    [Fact]
    public async Task The_accounts_list_pages_newest_first_and_says_whether_more_follow()
    {
        var admin = fixture.Client(ApiFixture.AdminKey);
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            created.Add((await fixture.CreateAccountAsync($"paged-{i}")).Id);
        }
        created.Reverse();

        var first = await admin.GetFromJsonAsync<JsonElement>("/v1/accounts?limit=2");
        var second = await admin.GetFromJsonAsync<JsonElement>($"/v1/accounts?limit=2&cursor={first.GetProperty("next_cursor").GetString()}");

        Assert.Equal(created[..2], first.GetProperty("data").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        Assert.True(first.GetProperty("has_more").GetBoolean());
        Assert.Equal(created[2], second.GetProperty("data")[0].GetProperty("id").GetString());
        Assert.False(first.GetProperty("data")[0].TryGetProperty("api_key", out _));
        var all = await admin.GetFromJsonAsync<JsonElement>("/v1/accounts?limit=250");
        Assert.False(all.GetProperty("has_more").GetBoolean());
        Assert.Equal(JsonValueKind.Null, all.GetProperty("next_cursor").ValueKind);
    }

    [Fact]
    public async Task Only_the_admin_lists_accounts()
    {
        var (_, key) = await fixture.CreateAccountAsync();

        await ProblemAssert.IsAsync(await fixture.Client(key).GetAsync("/v1/accounts"), HttpStatusCode.Forbidden, ProblemCodes.Forbidden);
    }

    [Theory]
    [InlineData("/v1/accounts")]
    [InlineData("/v1/webhooks")]
    [InlineData("/v1/webhooks/{webhook}/deliveries")]
    [InlineData("/v1/event-types")]
    public async Task A_limit_over_250_is_400_invalid_parameter_on_every_list(string route)
    {
        var (_, key) = await fixture.CreateAccountAsync();
        var webhook = (await (await fixture.Client(key).PostAsJsonAsync("/v1/webhooks", new { url = "http://127.0.0.1:9/x", events = new[] { "*" } }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var client = fixture.Client(route is "/v1/accounts" ? ApiFixture.AdminKey : key);

        var response = await client.GetAsync(route.Replace("{webhook}", webhook, StringComparison.Ordinal) + "?limit=251");

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, ProblemCodes.InvalidParameter, route);
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _));
    }

    /// <summary>Two pages over <paramref name="total"/> rows: the first full with has_more, the second the rest without.</summary>
    private static async Task AssertPagesAsync(HttpClient client, string firstPage, int total)
    {
        var first = await client.GetFromJsonAsync<JsonElement>(firstPage);
        Assert.Equal(2, first.GetProperty("data").GetArrayLength());
        Assert.True(first.GetProperty("has_more").GetBoolean());
        var cursor = first.GetProperty("next_cursor").GetString();

        var second = await client.GetFromJsonAsync<JsonElement>($"{firstPage}&cursor={cursor}");

        Assert.Equal(total - 2, second.GetProperty("data").GetArrayLength());
        Assert.False(second.GetProperty("has_more").GetBoolean());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_cursor").ValueKind);
    }
}
