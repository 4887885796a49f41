using System.Net;
using System.Text.Json;
using Herald.Tests.Signatures;

namespace Herald.Tests.Api;

[Collection(SignaturesApiCollection.Name)]
public sealed class NotifyEmailApiTests(ApiFixture fixture)
{
    [Fact]
    public async Task Notify_email_is_accepted_shown_kept_by_other_changes_and_cleared_by_null()
    {
        var admin = fixture.Client(ApiFixture.AdminKey);

        var (status, created, text) = await admin.SendAsync(HttpMethod.Post, "/v1/accounts", new { name = "mailer", notify_email = "ops@example.com" });
        Assert.True(status == HttpStatusCode.Created, text);
        var id = created.GetProperty("id").GetString()!;
        var client = fixture.Client(created.GetProperty("api_key").GetString());
        Assert.Equal("ops@example.com", NotifyEmail(created));
        Assert.Equal("ops@example.com", NotifyEmail(await GetAsync(client, id)));

        var (_, renamed, _) = await client.SendAsync(HttpMethod.Patch, $"/v1/accounts/{id}", new { name = "renamed" });
        var (_, changed, _) = await client.SendAsync(HttpMethod.Patch, $"/v1/accounts/{id}", new { notify_email = "webhooks@example.org" });
        Assert.Equal("ops@example.com", NotifyEmail(renamed));
        Assert.Equal("webhooks@example.org", NotifyEmail(changed));

        var (clearStatus, cleared, _) = await client.SendAsync(HttpMethod.Patch, $"/v1/accounts/{id}", """{"notify_email": null}""");
        Assert.Equal(HttpStatusCode.OK, clearStatus);
        Assert.Null(NotifyEmail(cleared));
        Assert.Null(NotifyEmail(await GetAsync(client, id)));
    }

    [Fact]
    public async Task A_new_account_has_no_notify_email()
    {
        var (id, key) = await fixture.CreateAccountAsync();

        Assert.Equal(JsonValueKind.Null, (await GetAsync(fixture.Client(key), id)).GetProperty("notify_email").ValueKind);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("Ops <ops@example.com>")]
    [InlineData("ops@example.com, dev@example.com")]
    [InlineData("")]
    public async Task A_bad_address_answers_422_naming_the_field_and_changes_nothing(string address)
    {
        var (id, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        await client.SendAsync(HttpMethod.Patch, $"/v1/accounts/{id}", new { notify_email = "ops@example.com" });

        var (status, problem, text) = await client.SendAsync(HttpMethod.Patch, $"/v1/accounts/{id}", new { name = "changed", notify_email = address });
        var (createStatus, _, _) = await fixture.Client(ApiFixture.AdminKey).SendAsync(HttpMethod.Post, "/v1/accounts", new { name = "x", notify_email = address });

        Assert.True(status == HttpStatusCode.UnprocessableEntity, text);
        Assert.True(problem.GetProperty("errors").TryGetProperty("notify_email", out _), text);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, createStatus);
        var account = await GetAsync(client, id);
        Assert.Equal(("test", "ops@example.com"), (account.GetProperty("name").GetString(), NotifyEmail(account)));
    }

    [Theory]
    [InlineData("""{"notify_email": 42}""")]
    [InlineData("""{"notify_email": ["ops@example.com"]}""")]
    [InlineData("""{"notify_email": {"address": "ops@example.com"}}""")]
    public async Task A_notify_email_of_the_wrong_type_answers_400(string body)
    {
        var (id, key) = await fixture.CreateAccountAsync();

        var (status, _, text) = await fixture.Client(key).SendAsync(HttpMethod.Patch, $"/v1/accounts/{id}", body);

        Assert.True(status == HttpStatusCode.BadRequest, text);
        Assert.Contains("$.notify_email", text);
    }

    [Fact]
    public async Task The_openapi_document_shows_notify_email_as_a_string_or_null()
    {
        var document = JsonDocument.Parse(await fixture.Client(null).GetStringAsync("/openapi/v1.json")).RootElement;

        var schemas = document.GetProperty("components").GetProperty("schemas");
        var field = schemas.GetProperty("AccountRequest").GetProperty("properties").GetProperty("notify_email");
        if (field.TryGetProperty("$ref", out var reference))
        {
            field = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        }
        Assert.Equal(["null", "string"], field.GetProperty("type").EnumerateArray().Select(t => t.GetString()).Order());
    }

    private static string? NotifyEmail(JsonElement account) => account.GetProperty("notify_email").GetString();

    private static async Task<JsonElement> GetAsync(HttpClient client, string id) =>
        (await client.SendAsync(HttpMethod.Get, $"/v1/accounts/{id}")).Body;
}
