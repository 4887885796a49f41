using System.Collections.Concurrent;
using Herald.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Herald.Api.Auth;

/// <summary>
/// Finds the credential behind a bearer token (an account key <c>hk_…</c> or a portal token <c>hpt_…</c>) and remembers
/// it for <see cref="ApiOptions.KeyCacheTtl"/> (at most 5 s), so that a publisher's steady stream of requests does not
/// cost a database round trip each; and, for <see cref="ApiOptions.UnknownKeyTtl"/>, that a token is unknown or expired,
/// so that a client repeating a wrong one does not either. Entries are keyed by the token's SHA-256 hash (no token is
/// kept), and a valid one's never outlives the credential's own expiry. A key or session revoked (or rotated out)
/// through this process is forgotten at once; another API process forgets it within the TTL. A token cannot be
/// remembered as unknown before it exists, as tokens are 256 random bits that only their issuing answer reveals.
/// Lapsed entries are dropped (at most once a minute, when a new one is remembered), so the cache holds the tokens used
/// within the TTLs, not every token ever seen.
/// </summary>
public sealed class ApiKeyCache(
    ApiKeyStore keys,
    PortalSessionStore sessions,
    IOptions<ApiOptions> options,
    [FromKeyedServices(AccessClock.Key)] TimeProvider time)
{
    // Bounds memory whatever the number of tokens in use: past it a cache starts over.
    private const int MaxEntries = 100_000;

    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (Caller Caller, DateTimeOffset ValidUntil)> _valid = new();
    private readonly ConcurrentDictionary<string, (CredentialLookup Lookup, DateTimeOffset Until)> _refused = new();
    private long _nextSweepTicks;

    /// <summary>How many tokens are remembered, valid or refused (lapsed ones included until the next sweep).</summary>
    public int Count => _valid.Count + _refused.Count;

    public async Task<CredentialLookup> FindAsync(string token, CancellationToken cancellationToken)
    {
        var hash = ApiKeyStore.Hash(token);
        var name = Convert.ToBase64String(hash);
        var now = time.GetUtcNow();
        if (_valid.TryGetValue(name, out var entry) && entry.ValidUntil > now)
        {
            return CredentialLookup.Found(entry.Caller);
        }
        if (_refused.TryGetValue(name, out var refused) && refused.Until > now)
        {
            return refused.Lookup;
        }
        var caller = await FindStoredAsync(token, hash, cancellationToken);
        if (caller is null || caller.ExpiresAt <= now)
        {
            _valid.TryRemove(name, out _);
            var lookup = caller is null ? CredentialLookup.Unknown : CredentialLookup.ExpiredOne;
            var refusedFor = now + options.Value.UnknownKeyTtl;
            Remember(_refused, name, (lookup, refusedFor), refusedFor, now);
            return lookup;
        }
        _refused.TryRemove(name, out _);
        var validUntil = now + options.Value.KeyCacheTtl;
        if (caller.ExpiresAt is { } expires && expires < validUntil)
        {
            validUntil = expires;
        }
        Remember(_valid, name, (caller, validUntil), validUntil, now);
        return CredentialLookup.Found(caller);
    }

    /// <summary>
    /// Whether this process has found the token valid and not since found it unknown, expired or revoked (no database
    /// is asked). It exempts the token from the failed-authentication block; it does not authenticate it.
    /// </summary>
    public bool IsRemembered(string token) => _valid.ContainsKey(Convert.ToBase64String(ApiKeyStore.Hash(token)));

    /// <summary>
    /// Forgets every key and session of the account (after a rotation or a revocation, so that a retired credential
    /// stops working here at once).
    /// </summary>
    public void Forget(string accountId)
    {
        foreach (var (name, entry) in _valid)
        {
            if (entry.Caller.AccountId == accountId)
            {
                _valid.TryRemove(name, out _);
            }
        }
    }

    /// <summary>Only the two token shapes Herald issues reach PostgreSQL; anything else is unknown at once.</summary>
    private async Task<Caller?> FindStoredAsync(string token, byte[] hash, CancellationToken cancellationToken)
    {
        if (token.StartsWith("hpt_", StringComparison.Ordinal))
        {
            return await sessions.FindAsync(hash, cancellationToken) is { } session ? Caller.ForPortal(session) : null;
        }
        if (token.StartsWith("hk_", StringComparison.Ordinal))
        {
            return await keys.FindOwnerAsync(hash, cancellationToken) is { } owner ? Caller.ForKey(owner) : null;
        }
        return null;
    }

    /// <summary>Keeps the entry unless it would already have lapsed (a TTL of zero turns a cache off).</summary>
    private void Remember<T>(ConcurrentDictionary<string, T> entries, string name, T entry, DateTimeOffset until, DateTimeOffset now)
    {
        if (until <= now)
        {
            return;
        }
        SweepLapsed(now);
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }
        entries[name] = entry;
    }

    /// <summary>Drops the entries that have lapsed, at most once per <see cref="SweepEvery"/> (one caller sweeps).</summary>
    private void SweepLapsed(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepEvery).UtcTicks, due) != due)
        {
            return;
        }
        DropLapsed(_valid, e => e.ValidUntil, now);
        DropLapsed(_refused, e => e.Until, now);
    }

    private static void DropLapsed<T>(ConcurrentDictionary<string, T> entries, Func<T, DateTimeOffset> until, DateTimeOffset now)
    {
        foreach (var entry in entries)
        {
            if (until(entry.Value) <= now)
            {
                // Only that entry: one remembered again since then is kept.
                entries.TryRemove(entry);
            }
        }
    }
}
