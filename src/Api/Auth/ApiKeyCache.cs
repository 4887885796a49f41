using System.Collections.Concurrent;
using Herald.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Herald.Api.Auth;

/// <summary>
/// Remembers, for a few seconds, which account a valid API key belongs to, so that a publisher's steady stream of
/// requests does not cost a database round trip each; and, for <see cref="ApiOptions.UnknownKeyTtl"/>, that a key is
/// unknown, so that a client repeating a wrong key does not either. Entries are keyed by the key's SHA-256 hash (no key
/// is kept), and a valid key's never outlives the key's own expiry. A key rotated out through this process is forgotten
/// at once; another API process forgets it within <see cref="ApiOptions.KeyCacheTtl"/>. A key cannot be remembered as
/// unknown before it exists, as keys are 256 random bits that only their account's creation or rotation reveals.
/// </summary>
public sealed class ApiKeyCache(ApiKeyStore keys, IOptions<ApiOptions> options, TimeProvider time)
{
    // Bounds memory whatever the number of keys in use: past it a cache starts over.
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, (string AccountId, DateTimeOffset ValidUntil)> _valid = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _unknown = new();

    public async Task<string?> FindAccountAsync(string key, CancellationToken cancellationToken)
    {
        var hash = ApiKeyStore.Hash(key);
        var name = Convert.ToBase64String(hash);
        var now = time.GetUtcNow();
        if (_valid.TryGetValue(name, out var entry) && entry.ValidUntil > now)
        {
            return entry.AccountId;
        }
        if (_unknown.TryGetValue(name, out var unknownUntil) && unknownUntil > now)
        {
            return null;
        }
        if (await keys.FindOwnerAsync(hash, cancellationToken) is not { } owner)
        {
            _valid.TryRemove(name, out _);
            var unknownFor = now + options.Value.UnknownKeyTtl;
            Remember(_unknown, name, unknownFor, unknownFor, now);
            return null;
        }
        _unknown.TryRemove(name, out _);
        var validUntil = now + options.Value.KeyCacheTtl;
        if (owner.ExpiresAt is { } expires && expires < validUntil)
        {
            validUntil = expires;
        }
        Remember(_valid, name, (owner.AccountId, validUntil), validUntil, now);
        return owner.AccountId;
    }

    /// <summary>Whether the key is remembered as valid now (no database is asked).</summary>
    public bool IsRemembered(string key) =>
        _valid.TryGetValue(Convert.ToBase64String(ApiKeyStore.Hash(key)), out var entry) && entry.ValidUntil > time.GetUtcNow();

    /// <summary>Forgets every key of the account (after a rotation, so that a retired key stops working here at once).</summary>
    public void Forget(string accountId)
    {
        foreach (var (name, entry) in _valid)
        {
            if (entry.AccountId == accountId)
            {
                _valid.TryRemove(name, out _);
            }
        }
    }

    /// <summary>Keeps the entry unless it would already have lapsed (a TTL of zero turns a cache off).</summary>
    private static void Remember<T>(ConcurrentDictionary<string, T> entries, string name, T entry, DateTimeOffset until, DateTimeOffset now)
    {
        if (until <= now)
        {
            return;
        }
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }
        entries[name] = entry;
    }
}
