using System.Text.Json.Nodes;
using Herald.Client.Models;

namespace Herald.Client;

/// <summary><c>/v1/accounts</c>: creating and listing accounts needs the admin key; an account key reads and changes its own.</summary>
public sealed class AccountsClient
{
    private readonly HeraldConnection _connection;

    internal AccountsClient(HeraldConnection connection) => _connection = connection;

    /// <summary>Creates an account; the answer carries its API key, shown this once. Sent again safely (an <c>Idempotency-Key</c>).</summary>
    public Task<Account> CreateAsync(CreateAccountRequest request, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<Account>(HttpMethod.Post, "v1/accounts", request, safeToRepeat: true, cancellationToken, IdempotencyKeys.New());

    public Task<Account> GetAsync(string id, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<Account>(HttpMethod.Get, $"v1/accounts/{Uri.EscapeDataString(id)}", null, true, cancellationToken);

    public Task<Page<Account>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<Page<Account>>(HttpMethod.Get, "v1/accounts" + (options ?? new()).Query(), null, true, cancellationToken);

    /// <summary>Changes settings: absent fields keep their value, a field set to null clears it.</summary>
    public Task<Account> UpdateAsync(string id, JsonObject changes, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<Account>(HttpMethod.Patch, $"v1/accounts/{Uri.EscapeDataString(id)}", changes, true, cancellationToken);

    public Task<KeyRotation> RotateKeyAsync(string id, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<KeyRotation>(HttpMethod.Post, $"v1/accounts/{Uri.EscapeDataString(id)}/rotate-key", new JsonObject(), false, cancellationToken);

    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<NoContent>(HttpMethod.Delete, $"v1/accounts/{Uri.EscapeDataString(id)}", null, true, cancellationToken);
}
