using System.Globalization;

namespace Herald.Client;

/// <summary>
/// The query of a list: the page (<see cref="Limit"/>, 1–250, and the <see cref="Cursor"/> of the previous page) and the
/// filters. Each list reads the filters its route documents (events: <see cref="Type"/>, <see cref="Source"/>; deliveries
/// and attempts: <see cref="Status"/>, <see cref="EventType"/>, <see cref="EventId"/>); <see cref="Since"/> is inclusive,
/// <see cref="Until"/> exclusive.
/// </summary>
public sealed record ListOptions
{
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }
    public string? Type { get; init; }
    public string? Source { get; init; }
    public string? Status { get; init; }
    public string? EventType { get; init; }
    public string? EventId { get; init; }

    /// <summary>The admin key's account to list for.</summary>
    public string? AccountId { get; init; }

    internal string Query()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }
        Add("limit", Limit?.ToString(CultureInfo.InvariantCulture));
        Add("cursor", Cursor);
        Add("since", Since?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture));
        Add("until", Until?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture));
        Add("type", Type);
        Add("source", Source);
        Add("status", Status);
        Add("event_type", EventType);
        Add("event_id", EventId);
        Add("account_id", AccountId);
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}
