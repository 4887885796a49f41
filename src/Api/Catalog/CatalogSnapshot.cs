using Herald.Abstractions.Events;
using Herald.Grains.Routing;

namespace Herald.Api.Catalog;

/// <summary>The catalog at one moment, by type; immutable, so checks read it without locks.</summary>
public sealed class CatalogSnapshot(IReadOnlyDictionary<string, CatalogEntry> entries, DateTimeOffset loadedAt)
{
    public static CatalogSnapshot Empty { get; } = new(new Dictionary<string, CatalogEntry>(), DateTimeOffset.MinValue);

    public IReadOnlyDictionary<string, CatalogEntry> Entries { get; } = entries;

    public DateTimeOffset LoadedAt { get; } = loadedAt;

    public CatalogEntry? Find(string type) => Entries.GetValueOrDefault(type);

    /// <summary>Whether a subscription pattern names at least one known type (Herald's operational events are always known).</summary>
    public bool MatchesAny(string pattern) =>
        Entries.Keys.Any(type => EventTypePattern.Matches(pattern, type))
        || (pattern != "*" && OperationalEvents.All.Any(type => EventTypePattern.Matches(pattern, type)));
}
