using Herald.Client.Models;

namespace Herald.Client;

/// <summary><c>/v1/event-types</c>: the catalog; writing it needs the admin key.</summary>
public sealed class EventTypesClient
{
    private readonly HeraldConnection _connection;

    internal EventTypesClient(HeraldConnection connection) => _connection = connection;

    public Task<Page<EventType>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<Page<EventType>>(HttpMethod.Get, "v1/event-types" + (options ?? new()).Query(), null, true, cancellationToken);

    public Task<EventType> GetAsync(string type, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<EventType>(HttpMethod.Get, "v1/event-types/" + Uri.EscapeDataString(type), null, true, cancellationToken);

    public Task<EventType> PutAsync(string type, EventTypeRequest entry, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<EventType>(HttpMethod.Put, "v1/event-types/" + Uri.EscapeDataString(type), entry, true, cancellationToken);
}
