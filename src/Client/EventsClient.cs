using Herald.Client.Models;

namespace Herald.Client;

/// <summary><c>/v1/events</c>: publishing, and reading what became of an event.</summary>
public sealed class EventsClient
{
    private readonly HeraldConnection _connection;

    internal EventsClient(HeraldConnection connection) => _connection = connection;

    /// <summary>
    /// Publishes an event: answered once it and its fan-out are durable. An event without an id gets one here
    /// (<c>evt_…</c>), so that the retries of this call, and of a caller that sends it again, deliver it once.
    /// </summary>
    public Task<PublishResult> PublishAsync(PublishEventRequest request, CancellationToken cancellationToken = default)
    {
        var withId = request.Id is null ? request with { Id = NewEventId() } : request;
        return _connection.SendAsync<PublishResult>(HttpMethod.Post, "v1/events", withId, safeToRepeat: true, cancellationToken);
    }

    public Task<Event> GetAsync(string id, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<Event>(HttpMethod.Get, "v1/events/" + Uri.EscapeDataString(id), null, true, cancellationToken);

    /// <summary>Events, newest first; filters <see cref="ListOptions.Type"/> (exact, <c>*</c> or <c>invoice.*</c>), source and time.</summary>
    public Task<Page<Event>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<Page<Event>>(HttpMethod.Get, "v1/events" + (options ?? new()).Query(), null, true, cancellationToken);

    public IAsyncEnumerable<Event> ListAllAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        Paging.AllAsync(ListAsync, options, cancellationToken);

    /// <summary>A new event id: time-ordered, so that Herald's newest-first lists keep publish order.</summary>
    public static string NewEventId() => "evt_" + Guid.CreateVersion7().ToString("N");
}
