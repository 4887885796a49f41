using Herald.Grains.Storage;

namespace Herald.Api.Catalog;

/// <summary>A catalog type as the API checks against it: its row and, when it has one, its compiled schema.</summary>
public sealed record CatalogEntry(EventTypeRecord Record, EventSchema? Schema);
