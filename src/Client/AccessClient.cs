using Herald.Client.Models;

namespace Herald.Client;

/// <summary>
/// Credentials: an account's scoped keys (<c>/v1/accounts/{id}/keys</c>), portal sessions for its customers
/// (<c>/v1/accounts/{id}/portal-sessions</c>: create, list, revoke), and what the caller's own key may do (<c>/v1/me</c>). Keys and sessions
/// are managed by the admin key or an account key with every scope.
/// </summary>
public sealed class AccessClient
{
    private readonly HeraldConnection _connection;

    internal AccessClient(HeraldConnection connection) => _connection = connection;

    /// <summary>What the key this client sends is: its kind, account, scopes and expiry.</summary>
    public Task<Credential> GetMeAsync(CancellationToken cancellationToken = default) =>
        _connection.SendAsync<Credential>(HttpMethod.Get, "v1/me", null, true, cancellationToken);

    /// <summary>A new key with the scopes asked; the answer carries it, shown this once. Not sent again on a lost connection (it would make a second key).</summary>
    public Task<AccountKey> CreateKeyAsync(string accountId, CreateKeyRequest request, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<AccountKey>(HttpMethod.Post, Keys(accountId), request, false, cancellationToken);

    /// <summary>The account's keys, newest first, never a key itself.</summary>
    public Task<Page<AccountKey>> ListKeysAsync(string accountId, ListOptions? options = null, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<Page<AccountKey>>(HttpMethod.Get, Keys(accountId) + (options ?? new()).Query(), null, true, cancellationToken);

    /// <summary>Revokes a key (within <c>Herald:KeyCacheTtl</c> on every API process).</summary>
    public Task DeleteKeyAsync(string accountId, string keyId, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<NoContent>(HttpMethod.Delete, $"{Keys(accountId)}/{Uri.EscapeDataString(keyId)}", null, true, cancellationToken);

    /// <summary>A portal session for the account's customer: give them <see cref="PortalSession.Url"/>. Not sent again on a lost connection.</summary>
    public Task<PortalSession> CreatePortalSessionAsync(string accountId, PortalSessionRequest? request = null, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<PortalSession>(HttpMethod.Post, Sessions(accountId), request ?? new PortalSessionRequest(), false, cancellationToken);

    /// <summary>The account's portal sessions that have not expired, newest first, never a token.</summary>
    public Task<Page<PortalSessionInfo>> ListPortalSessionsAsync(string accountId, ListOptions? options = null, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<Page<PortalSessionInfo>>(HttpMethod.Get, Sessions(accountId) + (options ?? new()).Query(), null, true, cancellationToken);

    /// <summary>Ends a portal session before its expiry.</summary>
    public Task DeletePortalSessionAsync(string accountId, string sessionId, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<NoContent>(HttpMethod.Delete, $"{Sessions(accountId)}/{Uri.EscapeDataString(sessionId)}", null, true, cancellationToken);

    private static string Keys(string accountId) => $"v1/accounts/{Uri.EscapeDataString(accountId)}/keys";

    private static string Sessions(string accountId) => $"v1/accounts/{Uri.EscapeDataString(accountId)}/portal-sessions";
}
