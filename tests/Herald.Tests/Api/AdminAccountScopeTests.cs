using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Herald.Tests.Api;

/// <summary>The admin key acting with <c>?account_id=</c> reaches that account's webhooks only, on every route that takes it.</summary>
public sealed class AdminAccountScopeTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Rotate_secret_test_and_bulk_delete_refuse_a_webhook_of_another_account_than_the_one_named()
    {
        var (_, ownerKey) = await fixture.CreateAccountAsync("owner");
        var (otherId, _) = await fixture.CreateAccountAsync("other");
        var webhook = await TenantState.CreateWebhookAsync(fixture.Client(ownerKey), "http://127.0.0.1:9/scope");
        var admin = fixture.Client(ApiFixture.AdminKey);
        var before = await admin.GetStringAsync($"/v1/webhooks/{webhook}");

        var rotated = await admin.PostAsync($"/v1/webhooks/{webhook}/rotate-secret?account_id={otherId}", null);
        var tested = await admin.PostAsync($"/v1/webhooks/{webhook}/test?account_id={otherId}", null);
        var deleted = await admin.DeleteAsync($"/v1/webhooks?ids={webhook}&account_id={otherId}");

        Assert.Equal(HttpStatusCode.NotFound, rotated.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, tested.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var result = await deleted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(result.GetProperty("deleted").EnumerateArray());
        Assert.Equal([webhook], result.GetProperty("not_found").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(before, await admin.GetStringAsync($"/v1/webhooks/{webhook}"));
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>("select count(*) from herald_attempts where endpoint_id = @endpoint", ("endpoint", webhook)));
    }
}
