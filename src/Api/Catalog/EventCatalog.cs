using System.Text.Json;
using Herald.Api.Json;
using Herald.Grains.Routing;
using Herald.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Herald.Api.Catalog;

/// <summary>
/// The API's copy of the event catalog and the checks made against it at the edge: a publish's type and body, a
/// webhook's subscriptions. The copy is reloaded when older than <see cref="CatalogOptions.RefreshInterval"/> and at
/// once after a change made through this process; compiled schemas are kept while their row is unchanged.
/// </summary>
public sealed partial class EventCatalog(EventCatalogStore store, IOptions<CatalogOptions> options, TimeProvider time, ILogger<EventCatalog> logger)
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile CatalogSnapshot _snapshot = CatalogSnapshot.Empty;

    public bool Strict => options.Value.Strict;

    public void Invalidate() => _snapshot = CatalogSnapshot.Empty;

    public async Task<CatalogSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var current = _snapshot;
        if (time.GetUtcNow() - current.LoadedAt < options.Value.RefreshInterval)
        {
            return current;
        }
        await _reload.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot != current)
            {
                return _snapshot;
            }
            var loadedAt = time.GetUtcNow();
            var entries = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
            foreach (var record in await store.AllAsync(cancellationToken))
            {
                entries[record.Type] = await EntryAsync(record, current.Find(record.Type), cancellationToken);
            }
            return _snapshot = new CatalogSnapshot(entries, loadedAt);
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <summary>A publish: in strict mode the type must be listed; when the type has a schema, the body must match it.</summary>
    public async Task CheckPublishAsync(string type, string field, JsonElement body, FieldErrors errors, CancellationToken cancellationToken)
    {
        var entry = (await SnapshotAsync(cancellationToken)).Find(type);
        if (entry is null)
        {
            if (Strict)
            {
                errors.Add("type", $"\"{type}\" is not in the event catalog, and the catalog is strict. Add it with PUT /v1/event-types/{type}.");
            }
            return;
        }
        entry.Schema?.Validate(body, field, errors);
    }

    /// <summary>
    /// Strict mode only: an exact type must be listed and not deprecated; a wildcard must match at least one listed
    /// type (so <c>*</c> needs a non-empty catalog). Herald's operational events are always known. Patterns the webhook
    /// is <paramref name="subscribed"/> to already stay as they are, even if the catalog has since deprecated or dropped them.
    /// </summary>
    public async Task CheckSubscriptionsAsync(IReadOnlyList<string> patterns, IReadOnlyCollection<string> subscribed, FieldErrors errors,
        CancellationToken cancellationToken)
    {
        if (!Strict)
        {
            return;
        }
        var snapshot = await SnapshotAsync(cancellationToken);
        for (var i = 0; i < patterns.Count; i++)
        {
            var pattern = patterns[i];
            if (subscribed.Contains(pattern))
            {
                continue;
            }
            if (EventTypePattern.IsValidType(pattern) && snapshot.Find(pattern) is { Record.Deprecated: true })
            {
                errors.Add($"events[{i}]", $"\"{pattern}\" is deprecated; new webhooks may not subscribe to it.");
            }
            else if (!snapshot.MatchesAny(pattern))
            {
                errors.Add($"events[{i}]", $"\"{pattern}\" matches no type in the event catalog, and the catalog is strict.");
            }
        }
    }

    private async Task<CatalogEntry> EntryAsync(EventTypeRecord record, CatalogEntry? previous, CancellationToken cancellationToken)
    {
        if (previous is not null && previous.Record.UpdatedAt == record.UpdatedAt)
        {
            return previous;
        }
        if (record.SchemaJson is null)
        {
            return new CatalogEntry(record, null);
        }
        var (schema, error) = await EventSchema.CompileAsync(record.SchemaJson, cancellationToken);
        if (schema is null)
        {
            LogUnusableSchema(logger, record.Type, error);
        }
        return new CatalogEntry(record, schema);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored schema of event type {Type} no longer compiles and is not checked: {Error}")]
    private static partial void LogUnusableSchema(ILogger logger, string type, string? error);
}
