using System.Collections.Concurrent;
using Herald.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Herald.Api.Auth;

/// <summary>
/// Remembers, for a few seconds, which account a valid API key belongs to, so that a publisher's steady stream of
/// requests does not cost a database round trip each. Entries are keyed by the key's SHA-256 hash (no key is kept),
/// never outlive the key's own expiry, and only valid keys are remembered. A key rotated out through this process is
/// forgotten at once; another API process forgets it within <see cref="ApiOptions.KeyCacheTtl"/>.
/// </summary>
public sealed class ApiKeyCache(ApiKeyStore keys, IOptions<ApiOptions> options, TimeProvider time)
{
    // Bounds memory whatever the number of keys in use: past it the cache starts over.
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, (string AccountId, DateTimeOffset ValidUntil)> _entries = new();

    public async Task<string?> FindAccountAsync(string key, CancellationToken cancellationToken)
    {
        var hash = ApiKeyStore.Hash(key);
        var ttl = options.Value.KeyCacheTtl;
        if (ttl <= TimeSpan.Zero)
        {
            return (await keys.FindOwnerAsync(hash, cancellationToken))?.AccountId;
        }
        var name = Convert.ToBase64String(hash);
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(name, out var entry) && entry.ValidUntil > now)
        {
            return entry.AccountId;
        }
        if (await keys.FindOwnerAsync(hash, cancellationToken) is not { } owner)
        {
            _entries.TryRemove(name, out _);
            return null;
        }
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        var validUntil = now + ttl;
        _entries[name] = (owner.AccountId, owner.ExpiresAt is { } expires && expires < validUntil ? expires : validUntil);
        return owner.AccountId;
    }

    /// <summary>Forgets every key of the account (after a rotation, so that a retired key stops working here at once).</summary>
    public void Forget(string accountId)
    {
        foreach (var (name, entry) in _entries)
        {
            if (entry.AccountId == accountId)
            {
                _entries.TryRemove(name, out _);
            }
        }
    }
}
