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

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _dataSource = _database.CreateDataSource();
        await new SchemaMigrator(_dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        _keys = new ApiKeyStore(_dataSource);
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
        Assert.Equal("acct_ttl", await cache.FindAccountAsync(key, default));

        await DeleteKeysAsync("acct_ttl");

        clock.Now += TimeSpan.FromSeconds(4);
        Assert.Equal("acct_ttl", await cache.FindAccountAsync(key, default));
        clock.Now += TimeSpan.FromSeconds(2);
        Assert.Null(await cache.FindAccountAsync(key, default));
    }

    [Fact]
    public async Task Forgetting_an_account_drops_its_keys_at_once()
    {
        var cache = Cache(TimeSpan.FromHours(1), TimeProvider.System);
        var key = await AddKeyAsync("acct_forget");
        var other = await AddKeyAsync("acct_other");
        Assert.Equal("acct_forget", await cache.FindAccountAsync(key, default));
        Assert.Equal("acct_other", await cache.FindAccountAsync(other, default));
        await DeleteKeysAsync("acct_forget");
        await DeleteKeysAsync("acct_other");

        cache.Forget("acct_forget");

        Assert.Null(await cache.FindAccountAsync(key, default));
        Assert.Equal("acct_other", await cache.FindAccountAsync(other, default));
    }

    [Fact]
    public async Task A_remembered_key_never_outlives_its_own_expiry()
    {
        var cache = Cache(TimeSpan.FromHours(1), TimeProvider.System);
        var key = await AddKeyAsync("acct_expiring");
        await _database.ExecuteAsync("update herald_api_keys set expires_at = now() + interval '1 second' where account_id = 'acct_expiring'");
        Assert.Equal("acct_expiring", await cache.FindAccountAsync(key, default));

        // Remembered for an hour, the key still lapses at its expiry a second from now.
        await Eventually.ReturnsAsync<string?>(() => cache.FindAccountAsync(key, default), account => account is null, TimeSpan.FromSeconds(10),
            "the key lapses at its expiry");
    }

    [Fact]
    public async Task A_zero_ttl_asks_the_database_every_time()
    {
        var cache = Cache(TimeSpan.Zero, TimeProvider.System);
        var key = await AddKeyAsync("acct_zero");
        Assert.Equal("acct_zero", await cache.FindAccountAsync(key, default));

        await DeleteKeysAsync("acct_zero");

        Assert.Null(await cache.FindAccountAsync(key, default));
    }

    [Fact]
    public async Task An_unknown_key_is_remembered_as_unknown_without_the_database_until_its_ttl_ends()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var cache = Cache(TimeSpan.FromHours(1), clock, unknownKeyTtl: TimeSpan.FromSeconds(30));
        var key = ApiKeyStore.NewKey();
        Assert.Null(await cache.FindAccountAsync(key, default));

        // Stored behind the cache's back: only a lookup in PostgreSQL would find it.
        await _keys.AddAsync(key, "acct_late");

        clock.Now += TimeSpan.FromSeconds(29);
        Assert.Null(await cache.FindAccountAsync(key, default));
        clock.Now += TimeSpan.FromSeconds(2);
        Assert.Equal("acct_late", await cache.FindAccountAsync(key, default));
    }

    [Fact]
    public async Task A_zero_unknown_key_ttl_asks_the_database_every_time()
    {
        var cache = Cache(TimeSpan.FromHours(1), TimeProvider.System, unknownKeyTtl: TimeSpan.Zero);
        var key = ApiKeyStore.NewKey();
        Assert.Null(await cache.FindAccountAsync(key, default));

        await _keys.AddAsync(key, "acct_late");

        Assert.Equal("acct_late", await cache.FindAccountAsync(key, default));
    }

    private ApiKeyCache Cache(TimeSpan ttl, TimeProvider time, TimeSpan? unknownKeyTtl = null) =>
        new(_keys, Options.Create(new ApiOptions { KeyCacheTtl = ttl, UnknownKeyTtl = unknownKeyTtl ?? TimeSpan.Zero }), time);

    private async Task<string> AddKeyAsync(string accountId)
    {
        var key = ApiKeyStore.NewKey();
        await _keys.AddAsync(key, accountId);
        return key;
    }

    private Task DeleteKeysAsync(string accountId) =>
        _database.ExecuteAsync("delete from herald_api_keys where account_id = @account", ("account", accountId));
}
