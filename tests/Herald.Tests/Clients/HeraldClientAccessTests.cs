using Herald.Client;
using Herald.Client.Models;
using Herald.Tests.Api;

namespace Herald.Tests.Clients;

/// <summary>Scoped keys, portal sessions and <c>/v1/me</c> through Herald.Client, against Herald on a socket.</summary>
public sealed class HeraldClientAccessTests(SocketApiFixture fixture) : IClassFixture<SocketApiFixture>
{
    [Fact]
    public async Task An_account_mints_a_read_key_and_a_portal_session_and_each_says_what_it_may_do()
    {
        var admin = Client(ApiFixture.AdminKey);
        var account = await admin.Accounts.CreateAsync(new CreateAccountRequest("client-access"));
        var owner = Client(account.ApiKey!);

        var me = await owner.Access.GetMeAsync();
        var key = await owner.Access.CreateKeyAsync(account.Id, new CreateKeyRequest("reader", ["read"]) { ExpiresIn = TimeSpan.FromHours(1) });
        var reader = Client(key.ApiKey!);
        var readerMe = await reader.Access.GetMeAsync();
        var refused = await Assert.ThrowsAsync<HeraldApiException>(() => reader.Events.PublishAsync(new PublishEventRequest("server.created")));
        var listed = await owner.Access.ListKeysAsync(account.Id);
        var session = await admin.Access.CreatePortalSessionAsync(account.Id, new PortalSessionRequest { ExpiresIn = TimeSpan.FromHours(2), ReadOnly = true });
        var portalMe = await Client(session.Token).Access.GetMeAsync();
        var sessions = await owner.Access.ListPortalSessionsAsync(account.Id);
        await owner.Access.DeleteKeyAsync(account.Id, key.Id);
        await owner.Access.DeletePortalSessionAsync(account.Id, session.Id);
        var afterDelete = await owner.Access.ListKeysAsync(account.Id);

        Assert.Equal(("account_key", account.Id), (me.Kind, me.AccountId));
        Assert.Equal(["manage", "publish", "read"], me.Scopes.Order());
        Assert.StartsWith("hk_", key.ApiKey);
        Assert.InRange(key.ExpiresAt!.Value, DateTimeOffset.UtcNow.AddMinutes(55), DateTimeOffset.UtcNow.AddMinutes(65));
        Assert.Equal("account_key", readerMe.Kind);
        Assert.Equal(["read"], readerMe.Scopes);
        Assert.Equal((403, "insufficient_scope"), (refused.Status, refused.Code));
        Assert.Contains(listed.Data, k => k.Id == key.Id && k.Name == "reader");
        Assert.All(listed.Data, k => Assert.Null(k.ApiKey));
        Assert.StartsWith("hpt_", session.Token);
        Assert.Contains("#token=" + session.Token, session.Url);
        Assert.True(session.ReadOnly);
        Assert.InRange(session.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(115), DateTimeOffset.UtcNow.AddMinutes(125));
        Assert.Equal(("portal", account.Id, true), (portalMe.Kind, portalMe.AccountId, portalMe.ReadOnly));
        Assert.Equal(session.Id, Assert.Single(sessions.Data).Id);
        Assert.True(sessions.Data[0].ReadOnly);
        Assert.DoesNotContain(afterDelete.Data, k => k.Id == key.Id);
    }

    private HeraldClient Client(string key) =>
        new(new HttpClient(), new HeraldClientOptions { BaseAddress = fixture.BaseAddress, ApiKey = key });
}
