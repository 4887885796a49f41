namespace Herald.Api.Catalog;

/// <summary>Event catalog settings, bound from <c>Herald:Catalog</c>.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Herald:Catalog";

    /// <summary>Refuse, with 422, publishes of types the catalog does not list and subscriptions that match none.</summary>
    public bool Strict { get; set; }

    /// <summary>How long an API process trusts its in-memory copy of the catalog; another process's change shows after this.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}
