using Herald.Api;
using Herald.Api.Auth;
using Herald.Grains.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Herald.Tests.Api;

/// <summary><see cref="ApiKeyCache"/> over the real key store: how long a valid key is remembered, and what ends it.</summary>
public sealed class ApiKeyCacheTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private NpgsqlDataSource _dataSource = null!;
    private ApiKeyStore _keys = null!;
    private PortalSessionStore _sessions = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _dataSource = _database.CreateDataSource();
        await new SchemaMigrator(_dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        _keys = new ApiKeyStore(_dataSource);
        _sessions = new PortalSessionStore(_dataSource);
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_remembered_key_is_answered_without_the_database_until_the_ttl_ends()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var cache = Cache(TimeSpan.FromSeconds(5), clock);
        var key = await AddKeyAsync("acct_ttl");
        Assert.Equal("acct_ttl", await AccountOfAsync(cache, key));

        await DeleteKeysAsync("acct_ttl");

        clock.Now += TimeSpan.FromSeconds(4);
        Assert.Equal("acct_ttl", await AccountOfAsync(cache, key));
        clock.Now += TimeSpan.FromSeconds(2);
        Assert.Null(await AccountOfAsync(cache, key));
    }

    [Fact]
    public async Task Forgetting_an_account_drops_its_keys_at_once()
    {
        var cache = Cache(TimeSpan.FromHours(1), TimeProvider.System);
        var key = await AddKeyAsync("acct_forget");
        var other = await AddKeyAsync("acct_other");
        Assert.Equal("acct_forget", await AccountOfAsync(cache, key));
        Assert.Equal("acct_other", await AccountOfAsync(cache, other));
        await DeleteKeysAsync("acct_forget");
        await DeleteKeysAsync("acct_other");

        cache.Forget("acct_forget");

        Assert.Null(await AccountOfAsync(cache, key));
        Assert.Equal("acct_other", await AccountOfAsync(cache, other));
    }

    [Fact]
    public async Task A_remembered_key_never_outlives_its_own_expiry()
    {
        var cache = Cache(TimeSpan.FromHours(1), TimeProvider.System);
        var key = await AddKeyAsync("acct_expiring");
        await _database.ExecuteAsync("update herald_api_keys set expires_at = now() + interval '1 second' where account_id = 'acct_expiring'");
        Assert.Equal("acct_expiring", await AccountOfAsync(cache, key));

        // Remembered for an hour, the key still lapses at its expiry a second from now.
        await Eventually.ReturnsAsync<string?>(() => AccountOfAsync(cache, key), account => account is null, TimeSpan.FromSeconds(10),
            "the key lapses at its expiry");
    }

    [Fact]
    public async Task A_zero_ttl_asks_the_database_every_time()
    {
        var cache = Cache(TimeSpan.Zero, TimeProvider.System);
        var key = await AddKeyAsync("acct_zero");
        Assert.Equal("acct_zero", await AccountOfAsync(cache, key));

        await DeleteKeysAsync("acct_zero");

        Assert.Null(await AccountOfAsync(cache, key));
    }

    [Fact]
    public async Task An_unknown_key_is_remembered_as_unknown_without_the_database_until_its_ttl_ends()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var cache = Cache(TimeSpan.FromHours(1), clock, unknownKeyTtl: TimeSpan.FromSeconds(30));
        var key = ApiKeyStore.NewKey();
        Assert.Null(await AccountOfAsync(cache, key));

        // Stored behind the cache's back: only a lookup in PostgreSQL would find it.
        await _keys.AddAsync(key, "acct_late");

        clock.Now += TimeSpan.FromSeconds(29);
        Assert.Null(await AccountOfAsync(cache, key));
        clock.Now += TimeSpan.FromSeconds(2);
        Assert.Equal("acct_late", await AccountOfAsync(cache, key));
    }

    [Fact]
    public async Task A_zero_unknown_key_ttl_asks_the_database_every_time()
    {
        var cache = Cache(TimeSpan.FromHours(1), TimeProvider.System, unknownKeyTtl: TimeSpan.Zero);
        var key = ApiKeyStore.NewKey();
        Assert.Null(await AccountOfAsync(cache, key));

        await _keys.AddAsync(key, "acct_late");

        Assert.Equal("acct_late", await AccountOfAsync(cache, key));
    }

    [Fact]
    public async Task A_revoked_key_stops_at_once_where_it_was_revoked_and_within_five_seconds_in_another_process()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var here = Cache(ApiOptionsValidator.MaxKeyCacheTtl, clock);
        var elsewhere = Cache(ApiOptionsValidator.MaxKeyCacheTtl, clock);
        var key = ApiKeyStore.NewKey();
        var record = await _keys.AddScopedAsync(key, "acct_revoked", "ci", ["read"], clock.Now, null);
        Assert.Equal("acct_revoked", await AccountOfAsync(here, key));
        Assert.Equal("acct_revoked", await AccountOfAsync(elsewhere, key));

        // What DELETE /v1/accounts/{id}/keys/{key_id} does in the process that answers it.
        Assert.True(await _keys.DeleteAsync("acct_revoked", record.Id));
        here.Forget("acct_revoked");

        Assert.Null(await AccountOfAsync(here, key));
        clock.Now += TimeSpan.FromSeconds(4.9);
        Assert.Equal("acct_revoked", await AccountOfAsync(elsewhere, key));
        clock.Now += TimeSpan.FromSeconds(0.2);
        Assert.Null(await AccountOfAsync(elsewhere, key));
    }

    [Fact]
    public async Task A_key_past_its_expiry_by_the_clock_is_told_apart_from_an_unknown_one()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var cache = Cache(TimeSpan.FromSeconds(5), clock, unknownKeyTtl: TimeSpan.FromSeconds(30));
        var key = ApiKeyStore.NewKey();
        await _keys.AddScopedAsync(key, "acct_expires", "short", ["publish"], clock.Now, clock.Now + TimeSpan.FromMinutes(10));
        var found = await cache.FindAsync(key, default);
        Assert.Equal(KeyScopes.Publish, found.Caller!.Scopes);
        Assert.Equal(clock.Now + TimeSpan.FromMinutes(10), found.Caller.ExpiresAt!.Value, TimeSpan.FromMilliseconds(1));

        clock.Now += TimeSpan.FromMinutes(10);

        Assert.Equal(CredentialLookup.ExpiredOne, await cache.FindAsync(key, default));
        Assert.Equal(CredentialLookup.Unknown, await cache.FindAsync(ApiKeyStore.NewKey(), default));
    }

    [Fact]
    public async Task A_portal_token_is_found_with_its_session_and_expires_by_the_clock()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var cache = Cache(TimeSpan.FromSeconds(5), clock);
        var token = PortalSessionStore.NewToken();
        await _sessions.AddAsync(token, new PortalSession("ps_cache", "acct_portal", clock.Now, clock.Now + TimeSpan.FromHours(1), true, ["node-1"]));

        var caller = (await cache.FindAsync(token, default)).Caller!;

        Assert.Equal((CallerKind.Portal, "acct_portal", KeyScopes.Read, true), (caller.Kind, caller.AccountId, caller.Scopes, caller.ReadOnly));
        Assert.Equal(["node-1"], caller.Sources!);
        clock.Now += TimeSpan.FromHours(1);
        Assert.True((await cache.FindAsync(token, default)).Expired);
    }

    [Fact]
    public async Task An_unknown_portal_token_is_remembered_as_unknown_until_its_ttl_ends()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var cache = Cache(TimeSpan.FromSeconds(5), clock, unknownKeyTtl: TimeSpan.FromSeconds(30));
        var token = PortalSessionStore.NewToken();
        Assert.Equal(CredentialLookup.Unknown, await cache.FindAsync(token, default));

        // Stored behind the cache's back: only a lookup in PostgreSQL would find it.
        await _sessions.AddAsync(token, new PortalSession("ps_late", "acct_late", clock.Now, clock.Now + TimeSpan.FromHours(1), false, null));

        clock.Now += TimeSpan.FromSeconds(29);
        Assert.Equal(CredentialLookup.Unknown, await cache.FindAsync(token, default));
        clock.Now += TimeSpan.FromSeconds(2);
        Assert.Equal("acct_late", (await cache.FindAsync(token, default)).Caller?.AccountId);
    }

    [Fact]
    public async Task Lapsed_keys_are_dropped_so_the_cache_holds_only_the_keys_used_within_its_ttls()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var cache = Cache(TimeSpan.FromSeconds(5), clock, unknownKeyTtl: TimeSpan.FromSeconds(30));
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal($"acct_lapse_{i}", await AccountOfAsync(cache, await AddKeyAsync($"acct_lapse_{i}")));
            Assert.Null(await AccountOfAsync(cache, ApiKeyStore.NewKey()));
        }
        Assert.Equal(40, cache.Count);

        // Past both TTLs and the sweep's minute: the next key remembered drops the 40 that lapsed.
        clock.Now += TimeSpan.FromMinutes(1);
        var recent = await AddKeyAsync("acct_recent");
        Assert.Equal("acct_recent", await AccountOfAsync(cache, recent));

        Assert.Equal(1, cache.Count);
        Assert.Equal("acct_recent", await AccountOfAsync(cache, recent));
    }

    private ApiKeyCache Cache(TimeSpan ttl, TimeProvider time, TimeSpan? unknownKeyTtl = null) =>
        new(_keys, _sessions, Options.Create(new ApiOptions { KeyCacheTtl = ttl, UnknownKeyTtl = unknownKeyTtl ?? TimeSpan.Zero }), time);

    private static async Task<string?> AccountOfAsync(ApiKeyCache cache, string key) => (await cache.FindAsync(key, default)).Caller?.AccountId;

    private async Task<string> AddKeyAsync(string accountId)
    {
        var key = ApiKeyStore.NewKey();
        await _keys.AddAsync(key, accountId);
        return key;
    }

    private Task DeleteKeysAsync(string accountId) =>
        _database.ExecuteAsync("delete from herald_api_keys where account_id = @account", ("account", accountId));
}
