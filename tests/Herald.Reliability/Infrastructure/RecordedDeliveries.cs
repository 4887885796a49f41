using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Herald.Testing;

namespace Herald.Reliability.Infrastructure;

/// <summary>
/// Herald's own account of the deliveries of some events (<c>GET /v1/events/{id}</c>): what the receiver saw must
/// also be what Herald recorded, every delivery <c>succeeded</c> in the end.
/// </summary>
public sealed class RecordedDeliveries(HttpClient http, string accountKey)
{
    public const string Succeeded = "succeeded";

    /// <summary>How many deliveries of <paramref name="eventIds"/> are in each status (an event Herald cannot show counts as "unreadable").</summary>
    public async Task<IReadOnlyDictionary<string, int>> StatusesAsync(IReadOnlyList<string> eventIds)
    {
        var counts = new ConcurrentDictionary<string, int>();
        await Parallel.ForEachAsync(eventIds, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, cancellationToken) =>
        {
            foreach (var status in await DeliveryStatusesAsync(id, cancellationToken))
            {
                counts.AddOrUpdate(status, 1, (_, n) => n + 1);
            }
        });
        return counts;
    }

    /// <summary>Polls until every delivery of <paramref name="eventIds"/> succeeded or <paramref name="limit"/> passes; answers the last count.</summary>
    public async Task<IReadOnlyDictionary<string, int>> WaitSucceededAsync(IReadOnlyList<string> eventIds, TimeSpan limit)
    {
        IReadOnlyDictionary<string, int> last = new Dictionary<string, int>();
        await Eventually.HoldsAsync(async () => (last = await StatusesAsync(eventIds)).Keys.All(k => k == Succeeded), limit, TimeSpan.FromSeconds(1));
        return last;
    }

    public static string Describe(IReadOnlyDictionary<string, int> statuses) =>
        statuses.Count == 0 ? "none" : string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value:N0}"));

    private async Task<IReadOnlyList<string>> DeliveryStatusesAsync(string eventId, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/events/{Uri.EscapeDataString(eventId)}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accountKey);
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return [$"unreadable ({(int)response.StatusCode})"];
            }
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return [.. document.RootElement.GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("status").GetString() ?? "")];
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return ["unreadable (no answer)"];
        }
    }
}
